package org.luoshi.assessment;

import java.util.List;
import org.luoshi.org.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The county home's ranking panel (htmx, no layout): the first five townships and a link to the whole
 * ranking. A county reads its {@link CountyDashboard}; a city or province reads its {@link TierOverview}
 * through the same snapshot as its page (townships of different counties compared by score rate). Both
 * are the pages' own computations, not a second one.
 */
@Controller
class RankingPanelController {

    static final int TOP = 5;

    private final CountyDashboard county;
    private final TierOverview tiers;
    private final OverviewSnapshots snapshots;
    private final EvaluationService evaluation;

    RankingPanelController(CountyDashboard county, TierOverview tiers, OverviewSnapshots snapshots,
            EvaluationService evaluation) {
        this.county = county;
        this.tiers = tiers;
        this.snapshots = snapshots;
        this.evaluation = evaluation;
    }

    /** One line of the short ranking: the rank, the township, and its total or rate as shown. */
    record Line(int rank, String township, String county, String score) {
    }

    @GetMapping("/assessment/ranking-panel")
    @PreAuthorize("hasAuthority('county:oversee')")
    String panel(DataScope scope, Model model) {
        // the reporting year: in January and February the year just ended, as on the ranking pages
        int year = evaluation.likelyYear();
        model.addAttribute("year", year);
        if (tiers.applies(scope)) {
            TierOverview.Overview overview = snapshots.overview(scope, year);
            List<Line> lines = overview.townships().stream().filter(r -> r.rate() != null).limit(TOP)
                    .map(r -> new Line(r.rank(), r.township().getName(), r.county().getName(),
                            r.rate().toPlainString() + "%"))
                    .toList();
            model.addAttribute("link", "/assessment/overview");
            model.addAttribute("lines", lines);
            model.addAttribute("ranked", !lines.isEmpty());
            return "assessment/ranking-panel :: panel";
        }
        model.addAttribute("link", "/assessment/county");
        if (!county.visible(scope, year)) {
            model.addAttribute("lines", List.of());
            model.addAttribute("ranked", false);
            return "assessment/ranking-panel :: panel";
        }
        CountyDashboard.Dashboard dashboard = county.dashboard(scope, year);
        List<Line> lines = dashboard.set() == null ? List.of()
                : dashboard.rows().stream().limit(TOP).map(r -> new Line(r.rank(), r.township().getName(), null,
                        r.total().toPlainString() + " / " + r.maxTotal().toPlainString())).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("ranked", !lines.isEmpty());
        return "assessment/ranking-panel :: panel";
    }
}
