package org.luoshi.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page; its panels are loaded from the modules that own them, so this module depends on none. */
@Controller
class HomeController {

    /**
     * The right that makes a reviewer of a county, city or province (only that role has it): such a user
     * gets the county home (reports to review, overdue rectifications by township, townships not
     * reported, the ranking) instead of a township's panels. Read from the authorities the role table
     * gave, by its code, so that web needs no module.
     */
    static final String REVIEWER = "report:review";

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        boolean reviewer = auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(REVIEWER::equals);
        model.addAttribute("countyHome", reviewer);
        return "home";
    }
}
