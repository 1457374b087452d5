package cn.minzheng.portal.layout;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: the person in the top bar, their menu, and the current address for the menu. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("person")
    Person person() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return Person.of(authentication);
    }

    @ModelAttribute("menu")
    List<Menu.Section> menu() {
        Person person = person();
        return person == null ? List.of() : Menu.forPerson(person);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
