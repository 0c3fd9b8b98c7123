package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.web.FormSubmission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of indicator sets: the list by year, one set with its indicators, the indicator form, YAML in and out. */
@Controller
@RequestMapping("/assessment/sets")
class IndicatorSetController {

    private static final String EDITORS = IndicatorSetApiController.EDITORS;

    private final IndicatorSetService sets;
    private final EvaluationService evaluation;
    private final MessageSource messages;
    private final FormSubmission forms;

    IndicatorSetController(IndicatorSetService sets, EvaluationService evaluation, MessageSource messages, FormSubmission forms) {
        this.forms = forms;
        this.sets = sets;
        this.evaluation = evaluation;
        this.messages = messages;
    }

    record IndicatorRow(long id, IndicatorDefinition d, String rule, String target) {
    }

    // --- list, create, import, default ----------------------------------------------------------

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? evaluation.likelyYear() : year;
        SetForm form = new SetForm();
        form.setYear(y);
        return listPage(scope, y, form, List.of(), model);
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    String create(DataScope scope, @Valid @ModelAttribute("setForm") SetForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                IndicatorSet set = sets.create(scope, form.getYear(), form.getName());
                redirect.addFlashAttribute("flash", msg("common.saved"));
                return "redirect:/assessment/sets/" + set.getId();
            } catch (InvalidDefinitionException e) {
                e.problems().forEach(p -> binding.rejectValue(p.field().equals("year") ? "year" : "name", p.key(),
                        p.args(), p.key()));
            }
        }
        response.setStatus(400);
        return listPage(scope, form.getYear() == null ? evaluation.likelyYear() : form.getYear(), form, List.of(),
                model);
    }

    @PostMapping("/import")
    @PreAuthorize(EDITORS)
    String importSet(DataScope scope, @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        try {
            IndicatorSet set = sets.importSet(scope, new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("flash", msg("assessment.sets.imported", set.getName()));
            return "redirect:/assessment/sets/" + set.getId();
        } catch (InvalidDefinitionException e) {
            response.setStatus(400);
            SetForm form = new SetForm();
            form.setYear(evaluation.likelyYear());
            return listPage(scope, form.getYear(), form,
                    e.problems().stream().map(p -> msg(p.key(), p.args())).toList(), model);
        }
    }

    @PostMapping("/default")
    @PreAuthorize("hasAuthority('county:oversee')")
    String loadDefault(DataScope scope, @RequestParam int year, RedirectAttributes redirect) {
        IndicatorSet set = sets.loadDefault(scope, year);
        redirect.addFlashAttribute("flash", msg("assessment.sets.defaultLoaded", String.valueOf(year)));
        return "redirect:/assessment/sets/" + set.getId();
    }

    private String listPage(DataScope scope, int year, SetForm form, List<String> importErrors, Model model) {
        List<IndicatorSetService.Listed> listed = sets.list(scope, year);
        int thisYear = evaluation.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear + 1; y >= thisYear - 4; y--) {
            years.add(y);
        }
        if (!years.contains(year)) {
            years.add(year);
        }
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("rows", listed);
        model.addAttribute("setForm", form);
        model.addAttribute("mayCreate", sets.mayCreate(scope));
        model.addAttribute("mayLoadDefault", sets.mayLoadDefault(scope)
                && listed.stream().noneMatch(l -> l.owner().getId() == scope.unitId()));
        model.addAttribute("importErrors", importErrors);
        return "assessment/sets";
    }

    // --- one set ----------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        IndicatorSet set = sets.get(scope, id);
        return setPage(scope, set, SetForm.of(set), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize(EDITORS)
    String rename(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("setForm") SetForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        IndicatorSet set = sets.get(scope, id);
        return forms.submit(binding, model, response, redirect, () -> setPage(scope, set, form, model), () -> {
            sets.update(scope, id, form.getYear(), form.getName(), form.getVersion());
            return forms.done("/assessment/sets/" + id, "common.saved");
        });
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(EDITORS)
    String publish(DataScope scope, @PathVariable long id, @RequestParam boolean published, RedirectAttributes redirect) {
        sets.publish(scope, id, published);
        redirect.addFlashAttribute("flash", msg(published ? "assessment.set.publishedNow" : "assessment.set.withdrawnNow"));
        return "redirect:/assessment/sets/" + id;
    }

    /** A draft's volume indicators scored without a reason become informational in one step (2024 rules). */
    @PostMapping("/{id}/burden-rules")
    @PreAuthorize(EDITORS)
    String applyBurdenRules(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        int changed = sets.applyBurdenRules(scope, id);
        redirect.addFlashAttribute("flash", msg("assessment.set.burdenApplied", changed));
        return "redirect:/assessment/sets/" + id;
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        int year = sets.get(scope, id).getYear();
        sets.delete(scope, id);
        redirect.addFlashAttribute("flash", msg("common.deleted"));
        return "redirect:/assessment/sets?year=" + year;
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long id) {
        return IndicatorSetApiController.yamlDownload(sets.get(scope, id), sets.export(scope, id));
    }

    private String setPage(DataScope scope, IndicatorSet set, SetForm form, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<IndicatorRow> rows = set.getIndicators().stream()
                .map(i -> new IndicatorRow(i.getId(), i.definition(), describe(i.definition(), locale),
                        target(i.definition(), locale)))
                .toList();
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        rows.forEach(r -> categories.merge(r.d().category(), r.d().weight(), BigDecimal::add));
        model.addAttribute("set", set);
        model.addAttribute("owner", sets.owner(set));
        model.addAttribute("editable", sets.editable(scope, set));
        model.addAttribute("rows", rows);
        model.addAttribute("categories", categories);
        model.addAttribute("totalWeight", Decimals.normal(set.totalWeight()));
        model.addAttribute("setForm", form);
        return "assessment/set";
    }

    // --- indicators -------------------------------------------------------------------------------

    @GetMapping("/{id}/indicators/new")
    @PreAuthorize(EDITORS)
    String newIndicator(DataScope scope, @PathVariable long id, Model model) {
        IndicatorSet set = requireEditableDraft(scope, id);
        return indicatorPage(set, null, new IndicatorForm(), model);
    }

    @PostMapping("/{id}/indicators")
    @PreAuthorize(EDITORS)
    String addIndicator(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") IndicatorForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        IndicatorSet set = requireEditableDraft(scope, id);
        if (!binding.hasErrors()) {
            try {
                sets.addIndicator(scope, id, form.toDefinition());
                redirect.addFlashAttribute("flash", msg("common.saved"));
                return "redirect:/assessment/sets/" + id;
            } catch (InvalidDefinitionException e) {
                reject(binding, e);
            }
        }
        response.setStatus(400);
        return indicatorPage(set, null, form, model);
    }

    @GetMapping("/{id}/indicators/{indicatorId}/edit")
    @PreAuthorize(EDITORS)
    String editIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId, Model model) {
        IndicatorSet set = requireEditableDraft(scope, id);
        Indicator indicator = sets.indicator(scope, id, indicatorId);
        IndicatorForm form = IndicatorForm.of(indicator.definition());
        form.setVersion(set.getVersion());
        return indicatorPage(set, indicatorId, form, model);
    }

    @PostMapping("/{id}/indicators/{indicatorId}")
    @PreAuthorize(EDITORS)
    String updateIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId,
            @Valid @ModelAttribute("form") IndicatorForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        IndicatorSet set = requireEditableDraft(scope, id);
        sets.indicator(scope, id, indicatorId);
        try {
            return forms.submit(binding, model, response, redirect, () -> indicatorPage(set, indicatorId, form, model),
                    () -> {
                        sets.updateIndicator(scope, id, indicatorId, form.toDefinition(), form.getVersion());
                        return forms.done("/assessment/sets/" + id, "common.saved");
                    });
        } catch (InvalidDefinitionException e) {
            // the definition's problems, each beside its field (the form protocol passes this exception on)
            reject(binding, e);
            response.setStatus(400);
            return indicatorPage(set, indicatorId, form, model);
        }
    }

    @PostMapping("/{id}/indicators/{indicatorId}/delete")
    @PreAuthorize(EDITORS)
    String deleteIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId,
            RedirectAttributes redirect) {
        sets.deleteIndicator(scope, id, indicatorId);
        redirect.addFlashAttribute("flash", msg("common.deleted"));
        return "redirect:/assessment/sets/" + id;
    }

    /** The form pages answer 403 / 409 up front, rather than after the user has filled them in. */
    private IndicatorSet requireEditableDraft(DataScope scope, long id) {
        IndicatorSet set = sets.get(scope, id);
        if (!sets.editable(scope, set)) {
            throw new org.springframework.security.access.AccessDeniedException("not an editor of this set");
        }
        if (set.isPublished()) {
            throw new org.luoshi.web.RuleViolationException("assessment.set.publishedLocked", set.getName());
        }
        return set;
    }

    private static void reject(BindingResult binding, InvalidDefinitionException e) {
        for (Problem p : e.problems()) {
            binding.rejectValue(IndicatorForm.field(p), p.key(), p.args(), p.key());
        }
    }

    private String indicatorPage(IndicatorSet set, Long indicatorId, IndicatorForm form, Model model) {
        model.addAttribute("set", set);
        model.addAttribute("indicatorId", indicatorId);
        model.addAttribute("form", form);
        model.addAttribute("kinds", LedgerKind.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("rates", RateMetric.values());
        model.addAttribute("periodModes", PeriodMode.values());
        model.addAttribute("scorings", ScoringMode.values());
        model.addAttribute("comparisons", Comparison.values());
        List<String[]> subKinds = new ArrayList<>();
        List<String[]> fieldValues = new ArrayList<>();
        List<String[]> numericFields = new ArrayList<>();
        for (LedgerKind kind : LedgerKind.values()) {
            kind.subKinds().forEach(s -> subKinds.add(new String[] {kind.name(), s}));
            kind.enumFields().forEach((field, values) -> values.forEach(v -> fieldValues.add(new String[] {kind.name(), field, v})));
            kind.numericFields().forEach(f -> numericFields.add(new String[] {kind.name(), f}));
        }
        model.addAttribute("subKindOptions", subKinds);
        model.addAttribute("fieldValueOptions", fieldValues);
        model.addAttribute("numericOptions", numericFields);
        model.addAttribute("categories", set.getIndicators().stream().map(Indicator::getCategory).distinct().toList());
        return "assessment/indicator";
    }

    // --- descriptions -------------------------------------------------------------------------

    /** The rule in words, e.g. "计数 · 学习 · 中心组学习". */
    private String describe(IndicatorDefinition d, Locale locale) {
        if (d.manual() || d.rule() == null) {
            return msg("assessment.indicator.manualRule");
        }
        Rule rule = d.rule();
        List<String> parts = new ArrayList<>();
        if (rule.aggregation() == Aggregation.RATE) {
            parts.add(msg("assessment.rate." + rule.rate().name()));
        } else {
            parts.add(msg("assessment.aggregation." + rule.aggregation().name()));
            parts.add(msg("ledger.kind." + rule.kind().name()));
        }
        // the ledger's own labels: one vocabulary, named as the ledger's forms name it
        LedgerKind kind = rule.aggregation() == Aggregation.RATE ? rule.rate().kind() : rule.kind();
        String field = kind == null ? "" : "ledger.field." + kind.name() + ".";
        if (rule.sumField() != null) {
            parts.add(msg(field + rule.sumField()));
        }
        for (RecordFilter f : rule.filters()) {
            switch (f.type()) {
                case SUB_KIND -> parts.add(String.join(msg("assessment.list.or"), f.values().stream()
                        .map(v -> msg(field + "subKind." + v)).toList()));
                case FIELD_IN -> parts.add(msg(field + f.field()) + msg("assessment.list.colon")
                        + String.join(msg("assessment.list.or"), f.values().stream()
                                .map(v -> msg(field + f.field() + "." + v)).toList()));
                case TAG -> parts.add(msg("assessment.indicator.tag", String.join(msg("assessment.list.or"), f.values())));
            }
        }
        return String.join(" · ", parts);
    }

    private String target(IndicatorDefinition d, Locale locale) {
        String period = msg("assessment.periodMode." + d.periodMode().name());
        if (d.manual() || d.rule() == null) {
            return period;
        }
        if (d.rule().comparison() == Comparison.ALL_UNITS) {
            return period + " " + msg("assessment.comparison.ALL_UNITS");
        }
        boolean percent = d.rule().rate() != null && d.rule().rate().percent();
        return period + " \u2265 " + Decimals.plain(d.target()) + (percent ? "%" : "");
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
