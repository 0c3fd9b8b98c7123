package org.luoshi.assessment;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Evaluation pages: a township's scores with the records behind every figure, the home-page panel
 * of warnings, and the county dashboard with its spreadsheet export.
 */
@Controller
@RequestMapping("/assessment")
class EvaluationController {

    /** At most this many records are listed behind one figure; the page says when there are more. */
    static final int DRILL_DOWN = 500;

    private final EvaluationService evaluation;
    private final IndicatorSetService sets;
    private final CountyDashboard county;
    private final OrgUnitService units;
    private final LedgerFigures figures;
    private final MessageSource messages;
    private final RecordKinds kinds;
    private final org.luoshi.web.FormSubmission forms;

    EvaluationController(EvaluationService evaluation, IndicatorSetService sets, CountyDashboard county,
            OrgUnitService units, LedgerFigures figures, MessageSource messages, RecordKinds kinds, org.luoshi.web.FormSubmission forms) {
        this.forms = forms;
        this.kinds = kinds;
        this.evaluation = evaluation;
        this.sets = sets;
        this.county = county;
        this.units = units;
        this.figures = figures;
        this.messages = messages;
    }

    /**
     * One period of an indicator as shown: figures, status, what is missing, and links to the records
     * behind it. The records are looked up only when the link is followed, not for every figure shown.
     *
     * @param recordsUrl the drill-down listing exactly the records behind the figure; null for letters
     * @param listUrl the ledger list of the kind, township and period (it cannot filter by sub-kind or field)
     */
    record PeriodView(PeriodResult result, String recordsUrl, String listUrl) {
    }

    /** Records of one ledger kind, for a village clerk's panel. */
    record KindCount(String labelKey, long count) {
    }

    record IndicatorView(IndicatorResult result, List<PeriodView> periods, Long indicatorId) {
    }

    record SetView(IndicatorSet set, Evaluation evaluation, List<IndicatorView> indicators, boolean scorable) {

        public List<IndicatorView> scored() {
            return indicators.stream().filter(i -> !i.result().informational()).toList();
        }

        /** Shown apart, below the scored ones: figures without points (2024 rules). */
        public List<IndicatorView> informational() {
            return indicators.stream().filter(i -> i.result().informational()).toList();
        }
    }

    /** The manual scoring form of one indicator for one township. */
    static class ManualScoreForm {
        @NotNull(message = "{assessment.validation.required}")
        private Long setId;
        @NotNull(message = "{assessment.validation.required}")
        private Long indicatorId;
        @NotNull(message = "{assessment.validation.required}")
        @DecimalMin(value = "0", message = "{assessment.validation.weight}")
        private BigDecimal score;
        @NotBlank(message = "{assessment.validation.required}")
        @Size(max = 500, message = "{assessment.validation.tooLong}")
        private String reason;
        @NotBlank(message = "{assessment.validation.required}")
        @Size(max = 1000, message = "{assessment.validation.tooLong}")
        private String evidence;

        public Long getSetId() {
            return setId;
        }

        public void setSetId(Long setId) {
            this.setId = setId;
        }

        public Long getIndicatorId() {
            return indicatorId;
        }

        public void setIndicatorId(Long indicatorId) {
            this.indicatorId = indicatorId;
        }

        public BigDecimal getScore() {
            return score;
        }

        public void setScore(BigDecimal score) {
            this.score = score;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getEvidence() {
            return evidence;
        }

        public void setEvidence(String evidence) {
            this.evidence = evidence;
        }
    }

    /**
     * The context path for the links of the evaluation page, written with {@code th:href="${...}"}:
     * a {@code @{...}} link goes through the static-resource URL lookup, which searches the class path
     * for every link (about forty drill-down links per page made up most of its rendering time).
     */
    @ModelAttribute("contextPath")
    String contextPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getContextPath();
    }

    @GetMapping("/evaluation")
    String evaluation(DataScope scope, @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Integer year, Model model) {
        return page(scope, townshipId, year, new ManualScoreForm(), model);
    }

    @PostMapping("/evaluation/manual-score")
    @PreAuthorize("hasAuthority('assessment:edit')")
    String score(DataScope scope, @RequestParam long townshipId, @RequestParam int year,
            @Valid @ModelAttribute("scoreForm") ManualScoreForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        // the score form sits in its indicator's row: field errors and a refused score (above the
        // indicator's points) are both shown there, with what was typed
        return forms.submit(errors, model, response, redirect, () -> {
            List<String> shown = new ArrayList<>(errors.getFieldErrors().stream()
                    .map(e -> msg("assessment.evaluation.fieldError", msg("assessment.evaluation.field." + e.getField()),
                            messages.getMessage(e, LocaleContextHolder.getLocale())))
                    .toList());
            if (model.getAttribute("error") instanceof String refused) {
                shown.add(refused);
            }
            model.addAttribute("scoreErrors", shown);
            return page(scope, townshipId, year, form, model);
        }, () -> {
            sets.scoreByHand(scope, form.getSetId(), form.getIndicatorId(), townshipId, form.getScore(), form.getReason().trim(),
                    form.getEvidence().trim());
            return forms.done(UriComponentsBuilder.fromPath("/assessment/evaluation").queryParam("townshipId", townshipId)
                    .queryParam("year", year).build().toUriString(), "assessment.evaluation.scored");
        });
    }

    private String page(DataScope scope, Long townshipId, Integer year, ManualScoreForm form, Model model) {
        int y = year == null ? evaluation.likelyYear() : year;
        // a village clerk's township lies outside their scope: they pick nothing and see no figures
        Optional<OrgUnit> own = evaluation.ownTownship(scope).filter(scope::covers);
        Long id = townshipId != null ? townshipId : own.map(OrgUnit::getId).orElse(null);
        model.addAttribute("year", y);
        model.addAttribute("townships", units.ofKind(scope, OrgUnitKind.TOWNSHIP));
        model.addAttribute("scoreForm", form);
        if (id == null) {
            // a county user picks a township first; a village clerk is told the evaluation is per township
            model.addAttribute("township", null);
            OrgUnit unit = units.getUnchecked(scope.unitId());
            model.addAttribute("village", unit.getKind() == OrgUnitKind.VILLAGE ? unit : null);
            return "assessment/evaluation";
        }
        OrgUnit township = units.get(scope, id);
        LocalDate asOf = evaluation.asOf(y);
        List<SetView> views = new ArrayList<>();
        for (EvaluationService.SetEvaluation se : evaluation.evaluateSets(scope, id, y, asOf)) {
            List<IndicatorView> indicators = new ArrayList<>();
            for (IndicatorResult result : se.evaluation().indicators()) {
                List<PeriodView> periods = result.periods().stream()
                        .map(p -> new PeriodView(p, recordsUrl(se.set(), township, result.indicator(), p),
                                listUrl(township, p.query())))
                        .toList();
                Long indicatorId = se.set().getIndicators().stream()
                        .filter(i -> i.getCode().equals(result.indicator().code())).map(Indicator::getId).findFirst()
                        .orElse(null);
                indicators.add(new IndicatorView(result, periods, indicatorId));
            }
            views.add(new SetView(se.set(), se.evaluation(), indicators, se.scorable()));
        }
        model.addAttribute("township", township);
        model.addAttribute("asOf", asOf);
        model.addAttribute("views", views);
        return "assessment/evaluation";
    }

    /** The drill-down of one figure; null for letters, which are not ledger records. */
    static String recordsUrl(IndicatorSet set, OrgUnit township, IndicatorDefinition indicator, PeriodResult period) {
        if (period.query().kind() == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath("/assessment/evaluation/records").queryParam("setId", set.getId())
                .queryParam("townshipId", township.getId()).queryParam("code", indicator.code())
                .queryParam("period", period.period().index()).encode().build().toUriString();
    }

    /**
     * The records behind one figure: the same query as the figure, so the list holds exactly the
     * records counted (for a sum, the records added up; for a rate, the records it is taken over).
     */
    @GetMapping("/evaluation/records")
    String records(DataScope scope, @RequestParam long setId, @RequestParam long townshipId, @RequestParam String code,
            @RequestParam int period, Model model) {
        RecordQuery query = evaluation.queryBehind(scope, setId, townshipId, code, period)
                .orElseThrow(() -> new org.luoshi.web.NotFoundException("Indicator", code));
        IndicatorSet set = sets.get(scope, setId);
        IndicatorDefinition indicator = set.definition().indicators().stream().filter(i -> i.code().equals(code))
                .findFirst().orElseThrow();
        Period p = Period.of(indicator.periodMode(), set.definition().year()).get(period - 1);
        OrgUnit township = units.get(scope, townshipId);
        long total = figures.count(query);
        model.addAttribute("set", set);
        model.addAttribute("indicator", indicator);
        model.addAttribute("township", township);
        model.addAttribute("periodLabel", msg(p.labelKey(), String.valueOf(p.index())));
        model.addAttribute("query", query);
        model.addAttribute("total", total);
        model.addAttribute("records", figures.records(query, DRILL_DOWN));
        model.addAttribute("listUrl", listUrl(township, query));
        return "assessment/records";
    }

    /** The ledger list filtered to the kind, township and period of a figure; null for letters. */
    static String listUrl(OrgUnit township, RecordQuery query) {
        if (query.kind() == null) {
            return null;
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/ledger/" + query.kind().name().toLowerCase().replace('_', '-'))
                .queryParam("unitId", township.getId()).queryParam("from", query.from()).queryParam("to", query.to());
        query.filters().stream().filter(f -> f.type() == RecordFilter.Type.TAG && f.values().size() == 1).findFirst()
                .ifPresent(f -> url.queryParam("tag", f.values().get(0)));
        return url.encode().build().toUriString();
    }

    /** The home-page panel (htmx, no layout): the user's township's scores, warnings and what is due soon. */
    @GetMapping("/panel")
    String panel(DataScope scope, Model model) {
        // In January and February the panel shows the year just ended, which is what is being
        // written up and assessed then, rather than a new year with almost nothing in it.
        int year = evaluation.likelyYear();
        LocalDate today = evaluation.asOf(year);
        Optional<OrgUnit> own = evaluation.ownTownship(scope).filter(scope::covers);
        model.addAttribute("township", own.orElse(null));
        if (own.isEmpty()) {
            // A village clerk: the evaluation is kept for the township as a whole, so the panel says so
            // and shows what the clerk's own village has entered this year instead of a blank card.
            OrgUnit unit = units.getUnchecked(scope.unitId());
            if (unit.getKind() == OrgUnitKind.VILLAGE) {
                model.addAttribute("village", unit);
                Map<String, Long> counts = figures.countsByKind(unit.getPath(), LocalDate.of(year, 1, 1),
                        today.getYear() > year ? LocalDate.of(year, 12, 31) : today);
                model.addAttribute("villageCounts", kinds.all().stream().filter(k -> counts.containsKey(k.code()))
                        .map(k -> new KindCount(k.labelKey(), counts.get(k.code()))).toList());
                model.addAttribute("villageTotal", counts.values().stream().mapToLong(Long::longValue).sum());
            }
        }
        if (own.isPresent()) {
            List<Evaluation> results = evaluation.evaluate(scope, own.get().getId(), year, today);
            List<Obligation> warnings = results.stream().flatMap(e -> e.warnings().stream()).toList();
            List<Obligation> due = dueThisQuarter(results, today);
            model.addAttribute("results", results);
            model.addAttribute("warnings", warnings.stream().limit(8).toList());
            model.addAttribute("moreWarnings", Math.max(0, warnings.size() - 8));
            model.addAttribute("due", due);
            model.addAttribute("monthEnd", today.withDayOfMonth(today.lengthOfMonth()));
            model.addAttribute("placing", county.placing(scope, own.get(), year).orElse(null));
        }
        model.addAttribute("year", year);
        return "assessment/panel";
    }

    /**
     * What the panel lists as due on {@code today} (本月、本季度应完成): the unmet periods still running
     * that end by the end of the current quarter, set by set. Those ending by the end of the month are
     * marked 本月 on the page.
     */
    static List<Obligation> dueThisQuarter(List<Evaluation> results, LocalDate today) {
        LocalDate quarterEnd = Period.containing(PeriodMode.EACH_QUARTER, today).end();
        return results.stream().flatMap(e -> e.due().stream()).filter(o -> !o.due().isAfter(quarterEnd)).toList();
    }

    @GetMapping("/county")
    @PreAuthorize("hasAuthority('assessment:view')")
    String county(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? evaluation.likelyYear() : year;
        CountyDashboard.Dashboard dashboard = county.dashboard(scope, y);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("year", y);
        model.addAttribute("editable", dashboard.set() != null && sets.editable(scope, dashboard.set()));
        return "assessment/county";
    }

    @PostMapping("/county/ranking")
    @PreAuthorize("hasAuthority('county:oversee')")
    String publishRanking(DataScope scope, @RequestParam long setId, @RequestParam boolean published, @RequestParam int year,
            RedirectAttributes redirect) {
        sets.publishRanking(scope, setId, published);
        redirect.addFlashAttribute("flash", msg(published ? "assessment.county.rankingShown" : "assessment.county.rankingHidden"));
        return "redirect:/assessment/county?year=" + year;
    }

    @GetMapping("/county.xlsx")
    @PreAuthorize("hasAuthority('assessment:view')")
    void countyExport(DataScope scope, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        int y = year == null ? evaluation.likelyYear() : year;
        CountyDashboard.Dashboard dashboard = county.dashboard(scope, y);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"county-" + y + ".xlsx\"");
        CountyWorkbook.write(dashboard, (key, args) -> msg(key, args), response.getOutputStream());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
