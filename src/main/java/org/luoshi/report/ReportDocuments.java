package org.luoshi.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.evidence.ContentCheck;
import org.luoshi.evidence.FileType;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Permission;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.UploadException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** The files of a report (.docx, PDF, OFD, each in simplified or traditional characters) and the custom templates they may be rendered with. */
@Service
@Transactional(readOnly = true)
class ReportDocuments {

    private final ReportService reports;
    private final ReportTemplateRepository templates;
    private final OrgUnitService units;
    private final PdfConverter pdf;
    private final EvidenceRecords evidence;
    private final ProperNouns properNouns;
    private final ContentCheck contentCheck;
    private final Clock clock;
    private final String publicBaseUrl;
    private final TraditionalVariant defaultVariant;

    ReportDocuments(ReportService reports, ReportTemplateRepository templates, OrgUnitService units, PdfConverter pdf,
            EvidenceRecords evidence, ProperNouns properNouns, ContentCheck contentCheck, Clock clock,
            @Value("${luoshi.public-base-url:}") String publicBaseUrl,
            @Value("${luoshi.report.traditional-variant:TW}") TraditionalVariant defaultVariant) {
        this.clock = clock;
        this.contentCheck = contentCheck;
        this.reports = reports;
        this.templates = templates;
        this.units = units;
        this.pdf = pdf;
        this.evidence = evidence;
        this.properNouns = properNouns;
        this.publicBaseUrl = publicBaseUrl;
        this.defaultVariant = defaultVariant;
    }

    /** A file to download. */
    record File(String name, String contentType, byte[] bytes) {
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * The script a download asks for: null for simplified; the variant asked, or the deployment's default
     * when only {@code traditional=true} is given. A variant alone asks for traditional characters too.
     */
    TraditionalVariant script(boolean traditional, TraditionalVariant variant) {
        return variant != null ? variant : traditional ? defaultVariant : null;
    }

    TraditionalVariant defaultVariant() {
        return defaultVariant;
    }

    /** The .docx of a version (0: the latest), in simplified characters or, with a variant, traditional. */
    File docx(ReportService.Viewer viewer, long id, int versionNumber, TraditionalVariant traditional, boolean appendix) {
        Report report = reports.get(viewer, id);
        WordReport word = wordReport(viewer, report, versionNumber, traditional, appendix);
        byte[] bytes = template(report)
                .map(t -> CustomTemplates.render(t.getContent(), CustomTemplates.data(word)))
                .orElseGet(() -> GbDocumentWriter.write(word, traditional != null));
        return new File(fileName(word, traditional, ".docx"), DOCX, bytes);
    }

    /** The PDF of the latest version, made by LibreOffice from the same .docx, in the script asked. */
    File pdf(ReportService.Viewer viewer, long id, TraditionalVariant traditional, boolean appendix) {
        File docx = docx(viewer, id, 0, traditional, appendix);
        return new File(docx.name().replaceAll("\\.docx$", ".pdf"), "application/pdf", pdf.convert(docx.bytes()));
    }

    /** The OFD of the latest version, for archives, in the script asked (see {@link OfdWriter}). */
    File ofd(ReportService.Viewer viewer, long id, TraditionalVariant traditional, boolean appendix) {
        WordReport word = wordReport(viewer, reports.get(viewer, id), 0, traditional, appendix);
        return new File(fileName(word, traditional, ".ofd"), OfdWriter.CONTENT_TYPE, OfdWriter.write(word, GbDocumentWriter.Fonts.of(traditional != null)));
    }

    /**
     * What the files of a version state: the figures the version was written with, not today's (an accepted
     * report reads the same next year), in the script asked, its proper nouns kept.
     */
    private WordReport wordReport(ReportService.Viewer viewer, Report report, int versionNumber,
            TraditionalVariant traditional, boolean appendix) {
        ReportVersion version = versionNumber > 0 ? reports.version(viewer, report.getId(), versionNumber)
                : reports.latest(report);
        WordReport simplified = wordReport(report, reports.content(version), appendix);
        return traditional == null ? simplified
                : simplified.convert(TraditionalText.of(traditional, properNouns.of(report, simplified)));
    }

    private static String fileName(WordReport word, TraditionalVariant traditional, String extension) {
        return word.title() + (traditional == null ? "" : traditional.fileSuffix()) + extension;
    }

    boolean pdfAvailable() {
        return pdf.available();
    }

    /** The fonts the PDF sets in substitute faces on this server (none where PDF is unavailable or cannot tell). */
    List<PdfConverter.Substitution> pdfFontSubstitutions() {
        return pdf.available() ? pdf.substitutions(GbDocumentWriter.Fonts.SIMPLIFIED).orElse(List.of()) : List.of();
    }

    /**
     * The report as one version states it. The appendix names the records behind the version's figures by
     * their date, kind and title, and links them only when a public base URL is configured.
     */
    WordReport wordReport(Report report, ReportContent content, boolean appendix) {
        List<WordReport.AppendixEntry> entries = appendix
                ? EvidenceAppendix.of(content, evidence.describe(report.getOrgUnitId(), report.getYear(),
                        EvidenceAppendix.hrefs(content)), publicBaseUrl)
                : List.of();
        return WordReport.of(report.getTitle(), report.getAddressee(), content, report.getUnitName(),
                ReportText.date(report.getReportDate()), report.getYear(), entries);
    }

    /** The template of the report's kind set for its township or the nearest unit above it. */
    Optional<ReportTemplate> template(Report report) {
        List<Long> chain = chain(units.getUnchecked(report.getOrgUnitId()).getPath());
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


    /** A template as the templates page lists it; {@code manageable}: the editor may replace or retire it. */
    record Listed(ReportTemplate template, OrgUnit unit, boolean inherited, boolean manageable) {
    }

    /** The active templates of the units in scope and of the units above (which the reports there use too). */
    List<Listed> templates(DataScope editor) {
        DataScope scope = editor;
        Map<Long, OrgUnit> known = new LinkedHashMap<>();
        units.tree(scope).forEach(u -> known.put(u.getId(), u));
        List<Long> above = chain(scope.unitPath()).stream().filter(id -> !known.containsKey(id)).toList();
        above.forEach(id -> known.put(id, units.getUnchecked(id)));
        return templates.findByOrgUnitIdInAndActiveTrueOrderByUploadedAtDesc(known.keySet()).stream()
                .map(t -> {
                    OrgUnit unit = known.get(t.getOrgUnitId());
                    return new Listed(t, unit, above.contains(unit.getId()), mayManage(editor, unit));
                }).toList();
    }

    /** The units the editor may set templates for: all in scope for an administrator, the own township for an officer. */
    List<OrgUnit> templateUnits(DataScope editor) {
        if (!editor.writable()) {
            return List.of();
        }
        if (editor.may(Permission.SYSTEM_ADMIN)) {
            return units.tree(editor);
        }
        OrgUnit own = units.getUnchecked(editor.unitId());
        return mayManage(editor, own) ? List.of(own) : List.of();
    }

    /** Checks and stores a template; it replaces the unit's previous template of the same kind. */
    @Transactional
    ReportTemplate upload(DataScope editor, long orgUnitId, ReportKind kind, MultipartFile file) {
        editor.requireWritable();
        OrgUnit unit = units.get(editor, orgUnitId);
        requireMayManage(editor, unit);
        byte[] content;
        try {
            content = file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file == null ? null : ContentCheck.safeName(file.getOriginalFilename());
        if (content.length > 0) {
            // The same content check as every upload (a zip named .docx, an encrypted or macro document) before poi-tl reads it.
            try {
                contentCheck.check(content, name, Set.of(FileType.DOCX));
            } catch (UploadException e) {
                if (e.messageKey().startsWith("evidence.type")) {
                    // "Not a Word document" in the words of the template page.
                    throw new UploadException(e.status(), "report.template.notDocx");
                }
                throw e;
            }
        }
        CustomTemplates.validate(name, content, sample(kind, unit.getName()));
        templates.findByOrgUnitIdAndKindAndActiveTrue(unit.getId(), kind).forEach(ReportTemplate::retire);
        return templates.save(new ReportTemplate(unit.getId(), kind, name, content, editor.username(),
                clock.instant()));
    }

    /**
     * Stops using a template (it stays in the table, inactive). A template the editor does not see (another
     * township's) is 404; one they see but may not change (a village's, the county's above them) 403.
     */
    @Transactional
    void retire(DataScope editor, long templateId) {
        editor.requireWritable();
        ReportTemplate template = templates.findById(templateId).filter(ReportTemplate::isActive)
                .orElseThrow(() -> new NotFoundException("ReportTemplate", templateId));
        OrgUnit unit = units.getUnchecked(template.getOrgUnitId());
        boolean above = editor.unitPath().startsWith(unit.getPath());
        if (!editor.covers(unit) && !above) {
            throw new NotFoundException("ReportTemplate", templateId);
        }
        requireMayManage(editor, unit);
        template.retire();
    }

    private static boolean mayManage(DataScope editor, OrgUnit unit) {
        DataScope scope = editor;
        if (!scope.writable() || !scope.covers(unit)) {
            return false;
        }
        return editor.may(Permission.SYSTEM_ADMIN) || (editor.may(Permission.REPORT_WRITE) && unit.getId() == scope.unitId()
                && unit.getKind() == OrgUnitKind.TOWNSHIP);
    }

    private static void requireMayManage(DataScope editor, OrgUnit unit) {
        if (!mayManage(editor, unit)) {
            throw new AccessDeniedException("templates of " + unit.getName());
        }
    }

    /** The ids of a path's units from the root down ('/1/5/' → 1, 5). */
    private static List<Long> chain(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    /** A report of the kind with every figure missing, and an appendix of one record: what a template is tried with. */
    private WordReport sample(ReportKind kind, String township) {
        int year = LocalDate.now(clock).getYear();
        ReportContent content = new ReportDraft(kind, township, year, "示例〔" + year + "〕1号",
                FigureSet.empty(0, year)).build();
        return WordReport.of(ReportDraft.title(kind, township, year), "示例", content,
                ReportText.unitName(township), ReportText.date(LocalDate.now(clock)), year,
                List.of(new WordReport.AppendixEntry(1, "示例", "1", List.of(new WordReport.Link("示例台账", null)),
                        List.of(new WordReport.AppendixRecord(1, ReportText.date(LocalDate.now(clock)), "会议", "示例",
                                null)), List.of(1))));
    }
}
