package cn.minzheng.portal.publicpages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * 大字版 (the MIIT age-friendly guidance): {@code ?text=large} switches the public pages to large text in high
 * contrast and {@code ?text=normal} back; the choice is kept in a cookie a year, so an elderly reader sets it once.
 * It needs no JavaScript and no login, and no page of this kind ever times out.
 */
@ControllerAdvice(assignableTypes = PublicPages.class)
class LargeText {

    static final String COOKIE = "MZ_TEXT";

    @ModelAttribute("largeText")
    boolean largeText(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("text");
        if ("large".equals(asked) || "normal".equals(asked)) {
            Cookie cookie = new Cookie(COOKIE, asked);
            cookie.setPath("/public");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return "large".equals(asked);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return "large".equals(cookie.getValue());
                }
            }
        }
        return false;
    }
}
