package org.luoshi.report;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** The files of a report (.docx, PDF, 繁體 .docx) and the custom templates they may be rendered with. */
@Service
@Transactional(readOnly = true)
class ReportDocuments {

    private final ReportService reports;
    private final ReportTemplateRepository templates;
    private final OrgUnitService units;
    private final PdfConverter pdf;
    private final Clock clock;

    ReportDocuments(ReportService reports, ReportTemplateRepository templates, OrgUnitService units, PdfConverter pdf, Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.templates = templates;
        this.units = units;
        this.pdf = pdf;
    }

    /** A file to download. */
    record File(String name, String contentType, byte[] bytes) {
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    File docx(ReportService.Viewer viewer, long id, int versionNumber, boolean traditional, boolean appendix) {
        Report report = reports.get(viewer, id);
        ReportVersion version = versionNumber > 0 ? reports.version(viewer, id, versionNumber) : reports.latest(report);
        ReportContent content = reports.content(version);
        WordReport simplified = wordReport(report, content, appendix);
        WordReport word = traditional ? simplified.convert(ZhConverterUtil::toTraditional) : simplified;
        // the figures the version was written with, not today's: an accepted report reads the same next year
        java.util.function.Function<FigureName, String> figure = traditional
                ? name -> ZhConverterUtil.toTraditional(content.figureText(name)) : content::figureText;
        byte[] bytes = template(report)
                .map(t -> CustomTemplates.render(t.getContent(), CustomTemplates.data(word, figure)))
                .orElseGet(() -> GbDocumentWriter.write(word));
        String name = word.title() + (traditional ? "（繁體）" : "") + ".docx";
        return new File(name, DOCX, bytes);
    }

    File pdf(ReportService.Viewer viewer, long id, boolean appendix) {
        File docx = docx(viewer, id, 0, false, appendix);
        return new File(docx.name().replaceAll("\\.docx$", ".pdf"), "application/pdf", pdf.convert(docx.bytes()));
    }

    boolean pdfAvailable() {
        return pdf.available();
    }

    WordReport wordReport(Report report, ReportContent content, boolean appendix) {
        List<WordReport.AppendixEntry> entries = appendix
                ? content.figureParts().stream()
                        .map(p -> new WordReport.AppendixEntry(ReportDraft.label(p.figure()), p.text(), p.links()))
                        .toList()
                : List.of();
        return new WordReport(report.getTitle(), report.getAddressee(), content.blocks(), report.getUnitName(),
                ReportText.date(report.getReportDate()), report.getYear(), entries);
    }

    /** The template of the report's kind set for its township or the nearest unit above it. */
    Optional<ReportTemplate> template(Report report) {
        OrgUnit unit = units.getUnchecked(report.getOrgUnitId());
        List<Long> chain = Arrays.stream(unit.getPath().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        List<ReportTemplate> candidates = templates.findByOrgUnitIdInAndActiveTrueOrderByUploadedAtDesc(chain).stream()
                .filter(t -> t.getKind() == report.getKind()).toList();
        for (int i = chain.size() - 1; i >= 0; i--) {
            long unitId = chain.get(i);
            Optional<ReportTemplate> here = candidates.stream().filter(t -> t.getOrgUnitId() == unitId).findFirst();
            if (here.isPresent()) {
                return here;
            }
        }
        return Optional.empty();
    }

    List<ReportTemplate> templates(DataScope scope) {
        List<Long> ids = units.tree(scope).stream().map(OrgUnit::getId).toList();
        return templates.findByOrgUnitIdInAndActiveTrueOrderByUploadedAtDesc(ids);
    }

    /** Checks and stores a template; it replaces the unit's previous template of the same kind. */
    @Transactional
    ReportTemplate upload(DataScope scope, long orgUnitId, ReportKind kind, MultipartFile file) {
        scope.requireWritable();
        OrgUnit unit = units.get(scope, orgUnitId);
        byte[] content;
        try {
            content = file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file == null ? null : file.getOriginalFilename();
        CustomTemplates.validate(name, content, sample(kind, unit.getName()), FigureSet.empty(unit.getId(), 2000));
        templates.findByOrgUnitIdAndKindAndActiveTrue(unit.getId(), kind).forEach(ReportTemplate::retire);
        return templates.save(new ReportTemplate(unit.getId(), kind, name, content, scope.username(), clock.instant()));
    }

    @Transactional
    void retire(DataScope scope, long templateId) {
        scope.requireWritable();
        ReportTemplate template = templates.findById(templateId)
                .filter(t -> scope.covers(units.getUnchecked(t.getOrgUnitId())))
                .orElseThrow(() -> new NotFoundException("ReportTemplate", templateId));
        template.retire();
    }

    private WordReport sample(ReportKind kind, String township) {
        int year = LocalDate.now(clock).getYear();
        ReportContent content = new ReportDraft(kind, township, year, "示例〔" + year + "〕1号",
                FigureSet.empty(0, year)).build();
        return new WordReport(ReportDraft.title(kind, township, year), "示例", content.blocks(),
                ReportText.unitName(township), ReportText.date(LocalDate.now(clock)), year,
                List.of(new WordReport.AppendixEntry("示例", "1", List.of(new EvidenceLink("示例", "/")))));
    }
}
