package org.luoshi.assessment;

import org.luoshi.org.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 下辖概览: a city's or province's reviewer sees the counties and townships below (a county has its ranking). */
@Controller
class TierOverviewController {

    private final TierOverview overview;
    private final OverviewSnapshots snapshots;
    private final EvaluationService evaluation;

    TierOverviewController(TierOverview overview, OverviewSnapshots snapshots, EvaluationService evaluation) {
        this.overview = overview;
        this.snapshots = snapshots;
        this.evaluation = evaluation;
    }

    @GetMapping("/assessment/overview")
    @PreAuthorize("hasAuthority('county:oversee')")
    String overview(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        if (!overview.applies(scope)) {
            return "redirect:/assessment/county";
        }
        int y = year == null ? evaluation.likelyYear() : year;
        model.addAttribute("overview", snapshots.overview(scope, y));
        model.addAttribute("refreshMinutes", snapshots.maxAge().toMinutes());
        model.addAttribute("year", y);
        return "assessment/overview";
    }
}
