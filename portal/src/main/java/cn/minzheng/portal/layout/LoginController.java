package cn.minzheng.portal.layout;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page before Keycloak's: it says why the person is here (session ended, logged out) and links to the login. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
