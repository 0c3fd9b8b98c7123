package org.luoshi.responsibility;

import java.util.List;
import org.luoshi.org.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The needs-attention list, as a page and as the panel the home page loads with htmx. */
@Controller
@RequestMapping("/responsibility/attention")
class AttentionController {

    static final int PAGE_SIZE = 50;
    static final int PANEL_SIZE = 5;

    private final AttentionService attention;

    AttentionController(AttentionService attention) {
        this.attention = attention;
    }

    @GetMapping
    String page(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        List<AttentionService.AttentionItem> items = attention.items(scope);
        int pages = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("items", items.subList(current * PAGE_SIZE, Math.min(items.size(), (current + 1) * PAGE_SIZE)));
        model.addAttribute("total", items.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "responsibility/attention";
    }

    @GetMapping("/panel")
    String panel(DataScope scope, Model model) {
        List<AttentionService.AttentionItem> items = attention.items(scope);
        model.addAttribute("items", items.subList(0, Math.min(PANEL_SIZE, items.size())));
        model.addAttribute("total", items.size());
        return "responsibility/attention-panel :: panel";
    }
}
