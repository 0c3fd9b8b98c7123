package org.luoshi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page; its panels are loaded from the modules that own them, so this module depends on none. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
