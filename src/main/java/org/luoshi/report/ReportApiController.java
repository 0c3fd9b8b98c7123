package org.luoshi.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Reports over REST: generate, read, figures, save, regenerate, download, approve, submit, return, accept. */
@ApiController("/api/v1/reports")
@Tag(name = "报告", description = "报告的生成、编辑、下载与报送")
class ReportApiController {

    private final ReportService reports;
    private final ReportDocuments documents;

    ReportApiController(ReportService reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    record ReportSummary(long id, long townshipId, String township, ReportKind kind, int year, String directiveNumber,
            String title, ReportStatus status, int submissionNo, Long previousId, Instant updatedAt) {
    }

    record PartView(String text, String figure, boolean missing, List<EvidenceLink> links) {
    }

    record BlockView(String key, String type, String heading, List<List<PartView>> lines, String text,
            boolean editable) {
    }

    record ReportView(ReportSummary report, String addressee, String unitName, LocalDate reportDate, int version,
            List<BlockView> blocks, Map<String, List<String>> markers) {
    }

    record FigureView(String name, Figure.Kind kind, String display, boolean missing, String missingDescription,
            java.math.BigDecimal number, List<FigureItem> items, List<EvidenceLink> evidence) {
    }

    record Comment(String comment) {
    }

    @GetMapping
    @Operation(summary = "列出可见的报告")
    List<ReportSummary> list(DataScope scope) {
        return reports.list(ReportController.viewer(scope)).stream().map(this::summary).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "生成报告（按年度记录计算数据，缺失的数据标为【待补充】；自查报告须给出 inspectionId 和 directiveRecordId）")
    ReportView create(DataScope scope, @Valid @RequestBody ReportForms.CreateForm form) {
        // a 自查报告 needs inspectionId and directiveRecordId: the service refuses it (409) without them
        Report report = reports.create(scope, form.toCommand());
        return view(ReportController.viewer(scope), report.getId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "报告内容（最新版本）")
    ReportView get(DataScope scope, @PathVariable long id) {
        return view(ReportController.viewer(scope), id);
    }

    @GetMapping("/{id}/figures")
    @Operation(summary = "报告所用的数据及其来源记录")
    List<FigureView> figures(DataScope scope, @PathVariable long id) {
        FigureSet set = reports.figures(ReportController.viewer(scope), id);
        return java.util.Arrays.stream(FigureName.values()).map(name -> {
            Figure f = set.get(name);
            return new FigureView(name.key(), f.kind(), f.display(), f.isMissing(), f.missing(), f.number(), f.items(),
                    f.evidence());
        }).toList();
    }

    @PutMapping("/{id}")
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "保存用户编辑的文字（形成新版本）")
    ReportView save(DataScope scope, @PathVariable long id,
            @Valid @RequestBody ReportForms.SaveForm form) {
        ReportService.Viewer viewer = ReportController.viewer(scope);
        reports.save(viewer, id, form.toCommand());
        return view(viewer, id);
    }

    @PostMapping("/{id}/regenerate")
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "重新计算数据，保留用户文字")
    ReportView regenerate(DataScope scope, @PathVariable long id) {
        ReportService.Viewer viewer = ReportController.viewer(scope);
        reports.regenerate(viewer, id);
        return view(viewer, id);
    }

    @GetMapping("/{id}/docx")
    @Operation(summary = "下载 Word（GB/T 9704 版式；traditional=true 为繁體，variant=TW|HK|OPENCC 选字形，默认按部署设置；"
            + "appendix=true 附数据来源清单）")
    ResponseEntity<byte[]> docx(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix) {
        return ReportController.download(documents.docx(ReportController.viewer(scope), id, 0,
                documents.script(traditional, variant), appendix));
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "下载 PDF（需安装 LibreOffice；traditional、variant、appendix 同 Word）")
    ResponseEntity<byte[]> pdf(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix) {
        return ReportController.download(documents.pdf(ReportController.viewer(scope), id,
                documents.script(traditional, variant), appendix));
    }

    @GetMapping("/{id}/ofd")
    @Operation(summary = "下载 OFD（GB/T 33190，供归档；traditional、variant、appendix 同 Word）")
    ResponseEntity<byte[]> ofd(DataScope scope, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean traditional,
            @RequestParam(required = false) TraditionalVariant variant,
            @RequestParam(defaultValue = "false") boolean appendix) {
        return ReportController.download(documents.ofd(ReportController.viewer(scope), id,
                documents.script(traditional, variant), appendix));
    }

    /** A figure without records settled: {"figure": "outreachCount", "resolution": "NONE_THIS_YEAR" or "DELETE"}. */
    record Settle(@jakarta.validation.constraints.NotBlank String figure,
            @jakarta.validation.constraints.NotNull ReportContent.Resolution resolution) {
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "处理没有记录的数字：写为“本年度无…”（NONE_THIS_YEAR）或删去该句（DELETE），形成新版本")
    ReportView resolve(DataScope scope, @PathVariable long id, @Valid @RequestBody Settle settle) {
        ReportService.Viewer viewer = ReportController.viewer(scope);
        reports.resolve(viewer, id, settle.figure(), settle.resolution());
        return view(viewer, id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('report:approve')")
    @Operation(summary = "审定（党委书记；不能审定自己起草或最后修改的报告，409）")
    ReportSummary approve(DataScope scope, @PathVariable long id, @RequestBody(required = false) Comment comment) {
        return summary(reports.approve(ReportController.viewer(scope), id, comment == null ? null : comment.comment()));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "报送（报告中还有【待补充】或当前版本未经审定时拒绝，409）")
    ReportSummary submit(DataScope scope, @PathVariable long id) {
        return summary(reports.submit(ReportController.viewer(scope), id));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('report:review')")
    @Operation(summary = "退回（须填写意见）")
    ReportSummary returnReport(DataScope scope, @PathVariable long id,
            @RequestBody(required = false) Comment comment) {
        return summary(reports.returnToTownship(ReportController.viewer(scope), id,
                comment == null ? null : comment.comment()));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('report:review')")
    @Operation(summary = "采用（采用后锁定）")
    ReportSummary accept(DataScope scope, @PathVariable long id,
            @RequestBody(required = false) Comment comment) {
        return summary(reports.accept(ReportController.viewer(scope), id,
                comment == null ? null : comment.comment()));
    }

    @PostMapping("/{id}/revise")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ReportController.WRITERS)
    @Operation(summary = "对已采用的报告提出修改：生成新的报送")
    ReportSummary revise(DataScope scope, @PathVariable long id) {
        return summary(reports.revise(ReportController.viewer(scope), id));
    }

    private ReportSummary summary(Report r) {
        return new ReportSummary(r.getId(), r.getOrgUnitId(), reports.townshipName(r), r.getKind(), r.getYear(),
                r.getDirectiveNumber(), r.getTitle(), r.getStatus(), r.getSubmissionNo(), r.getPreviousId(),
                r.getUpdatedAt());
    }

    private ReportView view(ReportService.Viewer viewer, long id) {
        Report report = reports.get(viewer, id);
        ReportVersion version = reports.latest(report);
        ReportContent content = reports.content(version);
        List<BlockView> blocks = content.blocks().stream().map(b -> new BlockView(b.key(), b.type().name(), b.heading(),
                b.lines().stream().map(line -> line.stream()
                        .map(p -> new PartView(p.text(), p.figure(), p.missing(), p.links())).toList()).toList(),
                b.text(), b.editable())).toList();
        return new ReportView(summary(report), report.getAddressee(), report.getUnitName(), report.getReportDate(),
                version.getNumber(), blocks, content.markers());
    }
}
