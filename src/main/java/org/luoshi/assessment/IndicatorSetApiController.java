package org.luoshi.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.luoshi.assessment.IndicatorBodies.IndicatorRequest;
import org.luoshi.assessment.IndicatorBodies.IndicatorResponse;
import org.luoshi.assessment.IndicatorBodies.ManualScoreRequest;
import org.luoshi.assessment.IndicatorBodies.ManualScoreResponse;
import org.luoshi.assessment.IndicatorBodies.SetDetail;
import org.luoshi.assessment.IndicatorBodies.SetRequest;
import org.luoshi.assessment.IndicatorBodies.SetSummary;
import org.luoshi.org.DataScope;
import org.luoshi.web.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Indicator sets and their indicators over REST, with YAML export and import. Same scope rules as the pages. */
@ApiController("/api/v1/assessment/sets")
@Tag(name = "考评指标表 Indicator sets", description = "County and township indicator sets, their indicators, YAML export/import")
class IndicatorSetApiController {

    static final String EDITORS = "hasAuthority('assessment:edit')";

    private final IndicatorSetService sets;
    private final EvaluationService evaluation;
    private final MessageSource messages;

    IndicatorSetApiController(IndicatorSetService sets, EvaluationService evaluation, MessageSource messages) {
        this.sets = sets;
        this.evaluation = evaluation;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Sets of a year visible to the caller (default: the year most likely meant: the year just ended in January and February, else this year; Beijing time)")
    List<SetSummary> list(DataScope scope, @RequestParam(required = false) Integer year) {
        int y = year == null ? evaluation.likelyYear() : year;
        return sets.list(scope, y).stream().map(l -> SetSummary.of(l.set(), l.owner(), l.editable())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One set with its indicators")
    SetDetail get(DataScope scope, @PathVariable long id) {
        return detail(scope, sets.get(scope, id));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    @Operation(summary = "Create an empty draft set owned by the caller's unit (county or township)")
    ResponseEntity<SetDetail> create(DataScope scope, @Valid @RequestBody SetRequest request) {
        IndicatorSet set = sets.create(scope, request.year(), request.name());
        if (Boolean.TRUE.equals(request.published())) {
            sets.publish(scope, set.getId(), true);
        }
        return ResponseEntity.created(URI.create("/api/v1/assessment/sets/" + set.getId())).body(detail(scope, set));
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Rename a draft set, or publish / withdraw it")
    SetDetail update(DataScope scope, @PathVariable long id, @Valid @RequestBody SetRequest request) {
        sets.change(scope, id, request.year(), request.name(), request.published(), request.version());
        return detail(scope, sets.get(scope, id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Delete an unpublished set")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable long id) {
        sets.delete(scope, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/indicators")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add an indicator to a draft set")
    ResponseEntity<IndicatorResponse> addIndicator(DataScope scope, @PathVariable long id,
            @Valid @RequestBody IndicatorRequest request) {
        Indicator indicator = sets.addIndicator(scope, id, request.toDefinition());
        return ResponseEntity.created(URI.create("/api/v1/assessment/sets/" + id + "/indicators/" + indicator.getId()))
                .body(IndicatorResponse.of(indicator));
    }

    @PutMapping("/{id}/indicators/{indicatorId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change an indicator of a draft set")
    IndicatorResponse updateIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId,
            @Valid @RequestBody IndicatorRequest request) {
        return IndicatorResponse.of(sets.updateIndicator(scope, id, indicatorId, request.toDefinition(),
                request.version()));
    }

    @DeleteMapping("/{id}/indicators/{indicatorId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Remove an indicator from a draft set")
    ResponseEntity<Void> deleteIndicator(DataScope scope, @PathVariable long id, @PathVariable long indicatorId) {
        sets.deleteIndicator(scope, id, indicatorId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/indicators/{indicatorId}/manual-scores/{townshipId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Score a manual indicator by hand for one township, with reason and evidence")
    ManualScoreResponse scoreByHand(DataScope scope, @PathVariable long id, @PathVariable long indicatorId,
            @PathVariable long townshipId, @Valid @RequestBody ManualScoreRequest request) {
        ManualScore score = sets.scoreByHand(scope, id, indicatorId, townshipId, request.score(), request.reason(),
                request.evidence());
        ManualScoreValue v = score.value();
        return new ManualScoreResponse(sets.indicator(scope, id, indicatorId).getCode(), townshipId, v.score(),
                v.reason(), v.evidence(), v.scoredBy(), v.scoredAt());
    }

    @GetMapping(value = "/{id}/export", produces = "application/yaml")
    @Operation(summary = "The set as YAML (see docs/assessment/README.md for the format)")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long id) {
        return yamlDownload(sets.get(scope, id), sets.export(scope, id));
    }

    @PostMapping(value = "/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Create a draft set of the caller's unit from YAML; nothing is saved if anything is wrong")
    ResponseEntity<SetDetail> importSet(DataScope scope, @RequestBody String yaml) {
        IndicatorSet set = sets.importSet(scope, yaml);
        return ResponseEntity.created(URI.create("/api/v1/assessment/sets/" + set.getId())).body(detail(scope, set));
    }

    @ExceptionHandler(InvalidDefinitionException.class)
    ProblemDetail invalid(InvalidDefinitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, msg("error.validation"));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("fieldErrors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", msg(p.key(), p.args()))).toList());
        problem.setProperty("errors", e.problems().stream().map(p -> msg(p.key(), p.args())).toList());
        return problem;
    }

    /** An unknown enum value (period, aggregation ...) in a JSON body: 400 with a Chinese explanation. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, msg("assessment.error.unreadable"));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    static ResponseEntity<byte[]> yamlDownload(IndicatorSet set, String yaml) {
        String filename = "indicators-" + set.getYear() + "-" + set.getId() + ".yaml";
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private SetDetail detail(DataScope scope, IndicatorSet set) {
        return new SetDetail(SetSummary.of(set, sets.owner(set), sets.editable(scope, set)),
                set.getIndicators().stream().map(IndicatorResponse::of).toList());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
