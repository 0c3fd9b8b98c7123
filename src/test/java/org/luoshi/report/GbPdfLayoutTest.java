package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luoshi.LuoshiTest;
import org.luoshi.inspection.SelfInspections;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF of each kind of report of the demo's 柳溪镇, simplified and 繁體, measured as GB/T 9704 lays it out:
 * pdftotext -bbox-layout gives every line's box, pdftohtml -xml the font of every line, pdftoppm the first
 * page as an image (kept in target/report-pdf/ for a person to look at). Skipped, with the reason, where
 * LibreOffice or poppler is not installed, unless LUOSHI_PDF_TESTS=required (as in CI).
 */
@LuoshiTest
@Transactional // the reports made here are rolled back
class GbPdfLayoutTest {

    static final double MM = 72 / 25.4;     // points per mm
    static final double LEFT = 28;
    static final double RIGHT = 28 + 156;
    static final double TOP = 37;
    static final double BOTTOM = 37 + 225;
    static final double PITCH = 225 / 22.0;  // one line
    static final double CHARACTER = 156 / 28.0; // one 字
    /** Marks that may not begin a line (GB/T 15834), and those that may not end one. */
    static final String NO_START = "，。、；：？！）》」』】〕”’…—·%";
    static final String NO_END = "（《「『【〔“‘";
    static final Pattern DATE = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日");

    @Autowired ReportService reports;
    @Autowired ReportRepository reportRows;
    @Autowired ReportDocuments documents;
    @Autowired PdfConverter converter;
    @Autowired SelfInspections inspections;
    @Autowired org.luoshi.org.OrgUnitService units;
    @Autowired JdbcClient jdbc;

    OrgUnit liuxi;
    DataScope system;

    @BeforeEach
    void tools() {
        boolean poppler = Stream.of("pdftotext", "pdftohtml", "pdffonts", "pdftoppm")
                .allMatch(p -> Files.isExecutable(Path.of("/usr/bin", p)));
        if (!converter.available() || !poppler) {
            String message = "PDF layout test skipped: LibreOffice (soffice) or poppler-utils is not installed";
            if ("required".equals(System.getenv("LUOSHI_PDF_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        system = units.systemScope("test");
        long id = jdbc.sql("select id from org_unit where name = '柳溪镇'").query(Long.class).single();
        liuxi = units.getUnchecked(id);
    }

    static Stream<Arguments> documents() {
        return Stream.of(ReportKind.values()).flatMap(k -> Stream.of(Arguments.of(k, false), Arguments.of(k, true)));
    }

    @ParameterizedTest(name = "{0}, traditional {1}")
    @MethodSource("documents")
    void measuresAsGbT9704(ReportKind kind, boolean traditional) throws Exception {
        ReportService.Viewer viewer = new ReportService.Viewer(system);
        long id = report(kind);
        byte[] pdf = converter.convert(documents.docx(viewer, id, 0, traditional ? TraditionalVariant.TW : null, false).bytes());
        Path dir = Files.createDirectories(Path.of("target", "report-pdf"));
        String name = kind + (traditional ? "-traditional" : "");
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", file.toString(),
                dir.resolve(name).toString());
        List<Page> pages = pages(run("pdftotext", "-bbox-layout", file.toString(), "-"));
        assertThat(pages).as(name).hasSizeGreaterThan(1);

        Measured measured = new Measured();
        for (int p = 0; p < pages.size(); p++) {
            Page page = pages.get(p);
            List<Line> body = page.lines.stream().filter(l -> l.yMax < BOTTOM + 1).toList();
            List<Line> footer = page.lines.stream().filter(l -> l.yMin >= BOTTOM + 1).toList();
            Line next = p + 1 < pages.size() ? pages.get(p + 1).lines.get(0) : null;
            checkGrid(name, p + 1, body, p + 1 < pages.size(), measured);
            for (int i = 0; i < body.size(); i++) {
                Line following = i + 1 < body.size() ? body.get(i + 1) : next;
                checkLine(name, body.get(i), following, measured);
            }
            checkPageNumber(name, p + 1, footer);
        }
        assertThat(measured.fullLines).as(name + ": full lines of Chinese measured").isGreaterThanOrEqualTo(5);
        assertThat(measured.left).as(name + ": the text block's left edge, mm").isCloseTo(LEFT, offset(0.5));
        assertThat(measured.right).as(name + ": the text block's right edge, mm").isCloseTo(RIGHT, offset(0.5));
        checkSignature(name, pages.get(pages.size() - 1));
        checkDash(name, dir.resolve(name + ".png"), pages.get(0));
        Map<String, String> fonts = checkFonts(name, file);
        System.out.printf("%s: %d pages, %d full lines of Chinese (%d of them short of 28 by line-breaking rules, the rest 28), "
                + "%d full pages of 22 lines, "
                + "block %.1f–%.1f × %.1f–%.1f mm, fonts %s%n", name, pages.size(), measured.fullLines, measured.shortLines,
                measured.fullPages, measured.left, measured.right, measured.top, measured.bottom, fonts);
    }

    /**
     * The report of the kind for 柳溪镇, as another test may have left it or made here (a 自查报告 from the demo's
     * self-inspection and its directive).
     */
    private long report(ReportKind kind) {
        java.util.Optional<Long> made = reportRows.findByOrgUnitIdInOrderByYearDescIdDesc(List.of(liuxi.getId())).stream()
                .filter(r -> r.getKind() == kind && r.getPreviousId() == null).map(Report::getId).findFirst();
        if (made.isPresent()) {
            return made.get();
        }
        if (kind != ReportKind.SELF_INSPECTION) {
            return reports.create(system, new ReportCommands.Create(liuxi.getId(), kind, LedgerReportFiguresTest.YEAR,
                    null, null)).getId();
        }
        DataScope reader = DataScope.readOnly("test", liuxi);
        int year = org.luoshi.TestClock.today().getYear();
        List<SelfInspections.Record> found = new ArrayList<>(inspections.finished(reader, liuxi.getId(), year));
        found.addAll(inspections.finished(reader, liuxi.getId(), year - 1));
        SelfInspections.Record record = found.stream()
                .filter(r -> r.checklistTitle().equals("意识形态工作责任制落实情况检查清单"))
                .max(java.util.Comparator.comparingInt(r -> r.items().size())).orElseThrow();
        long directive = jdbc.sql("select r.id from ledger_record r join ledger_directive d on d.record_id = r.id "
                + "where r.unit_path like :p and d.doc_number = :number and r.deleted_at is null order by r.id limit 1")
                .param("p", liuxi.getPath() + "%").param("number", record.directiveRef()).query(Long.class).single();
        return reports.create(system, new ReportCommands.Create(liuxi.getId(), kind, record.heldOn().getYear(), null, null,
                record.id(), directive)).getId();
    }

    /** What the measures found, for the assertions over the whole document and the printed summary. */
    static final class Measured {
        int fullLines;
        int shortLines;
        int fullPages;
        double left = Double.MAX_VALUE;
        double right;
        double top = Double.MAX_VALUE;
        double bottom;
    }

    /**
     * Every line sits on one of 22 lines of 225/22 mm from the block's top, the text at the same height in
     * each; a page the text continues from fills all 22.
     */
    private void checkGrid(String name, int page, List<Line> body, boolean continues, Measured measured) {
        assertThat(body).as(name + " p" + page).isNotEmpty();
        double[] slots = body.stream().mapToDouble(l -> (l.center() - TOP) / PITCH - 0.5).toArray();
        for (int i = 0; i < slots.length; i++) {
            Line line = body.get(i);
            long slot = Math.round(slots[i]);
            assertThat(slot).as(name + " p" + page + " line " + line.text + ": on the 22-line grid").isBetween(0L, 21L);
            // the glyphs' centre is a little below the middle of their line, the same on every line
            assertThat((slots[i] - slot) * PITCH).as(name + " p" + page + " " + line.text + ": offset from its line, mm")
                    .isBetween(-0.5, 1.5);
            measured.top = Math.min(measured.top, line.yMin);
            measured.bottom = Math.max(measured.bottom, line.yMax);
        }
        assertThat(body.get(0).yMin).as(name + " p" + page + ": first line top, mm").isBetween(TOP - 1, TOP + PITCH);
        assertThat(body.get(body.size() - 1).yMax).as(name + " p" + page + ": last line bottom, mm").isLessThan(BOTTOM + 1);
        if (continues) {
            assertThat(Math.round(slots[slots.length - 1])).as(name + " p" + page + ": 22 lines on a full page").isEqualTo(21L);
            measured.fullPages++;
        }
    }

    /**
     * A line of body text the paragraph continues after (the next line starts at the left edge) is full: it
     * ends at the right edge, nothing hangs beyond it, and a line of Chinese holds 28 characters, or fewer
     * where what follows could not be split: a closing mark that may not begin a line, an opening one that
     * may not end one, a number.
     */
    private void checkLine(String name, Line line, Line next, Measured measured) {
        if (line.yMax - line.yMin > 9) {
            return; // the title's 二号
        }
        boolean atLeft = Math.abs(line.xMin - LEFT) < 0.5;
        if (atLeft) {
            measured.left = Math.min(measured.left, line.xMin);
        }
        assertThat(line.xMax).as(name + ": " + line.text + " stays inside the text block").isLessThan(RIGHT + 0.5);
        if (next == null || Math.abs(next.xMin - LEFT) > 0.5 || line.xMin - LEFT > 3 * CHARACTER) {
            return;
        }
        assertThat(line.xMax).as(name + ": full line " + line.text + " reaches the right edge").isGreaterThan(RIGHT - 0.5);
        measured.right = Math.max(measured.right, line.xMax);
        if (!line.text.codePoints().allMatch(c -> c >= 0x2000)) {
            return; // half-width digits and letters: the line's ends are what counts
        }
        long indent = Math.round((line.xMin - LEFT) / CHARACTER);
        int characters = (int) indent + line.text.codePointCount(0, line.text.length());
        int missing = 28 - characters;
        measured.fullLines++;
        if (missing == 0) {
            return;
        }
        measured.shortLines++;
        boolean rule = missing <= Math.ceil(unbreakable(next.text)) + 1;
        assertThat(rule).as(name + ": " + line.text + " has " + characters + " characters, next line " + next.text).isTrue();
    }

    /**
     * The width in 字 of what begins a line and could not have ended the line before: an opening mark with the
     * character after it, a number or Latin word, each with the closing marks that follow it.
     */
    private static double unbreakable(String text) {
        int i = 0;
        double width = 0;
        if (NO_END.indexOf(text.charAt(0)) >= 0) {
            width += 1;
            i++;
        }
        boolean half = false;
        while (i < text.length() && text.charAt(i) < 0x2000) {
            width += 0.55;
            half = true;
            i++;
        }
        if (!half && i < text.length()) {
            width += 1; // the character pulled down with the mark
            i++;
        }
        while (i < text.length() && NO_START.indexOf(text.charAt(i)) >= 0) {
            width += 1;
            i++;
        }
        return width;
    }

    /** "— n —" one 字 in from the right edge on odd pages, from the left edge on even pages. */
    private void checkPageNumber(String name, int page, List<Line> footer) {
        assertThat(footer).as(name + " p" + page + ": one page number").hasSize(1);
        Line number = footer.get(0);
        assertThat(number.text).isEqualTo("—" + page + "—");
        if (page % 2 == 1) {
            assertThat(RIGHT - number.xMax).as(name + " p" + page + ": right 空一字, mm").isCloseTo(CHARACTER, offset(1.0));
        } else {
            assertThat(number.xMin - LEFT).as(name + " p" + page + ": left 空一字, mm").isCloseTo(CHARACTER, offset(1.0));
        }
    }

    /** The dash of the page number drawn 7 mm below the text block, measured on the page's image. */
    private void checkDash(String name, Path png, Page first) throws Exception {
        Word dash = first.lines.stream().filter(l -> l.yMin >= BOTTOM).flatMap(l -> l.words.stream())
                .filter(w -> w.text.equals("—")).findFirst().orElseThrow();
        BufferedImage image = ImageIO.read(png.toFile());
        double pxPerMm = image.getWidth() / 210.0;
        int x0 = (int) Math.ceil(dash.xMin * pxPerMm);
        int x1 = (int) Math.floor(dash.xMax * pxPerMm);
        double sum = 0;
        int rows = 0;
        for (int y = (int) (dash.yMin * pxPerMm); y <= (int) (dash.yMax * pxPerMm); y++) {
            int dark = 0;
            for (int x = x0; x <= x1; x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                    dark++;
                }
            }
            if (dark > (x1 - x0) * 0.6) {
                sum += y;
                rows++;
            }
        }
        assertThat(rows).as(name + ": the dash is drawn").isPositive();
        double below = (sum / rows + 0.5) / pxPerMm - BOTTOM;
        assertThat(below).as(name + ": 一字线 below the text block, mm").isCloseTo(7.0, offset(1.0));
    }

    /**
     * GB/T 9704 7.3.5.2: one empty line below the body, the 署名 右空二字 and the date below it beginning two
     * characters right of the 署名's first, or, where the date is the longer, the date 右空二字 and the
     * 署名 two characters left of it; never beyond 右空二字.
     */
    private void checkSignature(String name, Page last) {
        List<Line> body = last.lines.stream().filter(l -> l.yMax < BOTTOM + 1).toList();
        int at = -1;
        for (int i = 0; i < body.size(); i++) {
            if (DATE.matcher(body.get(i).text).matches()) {
                at = i;
            }
        }
        assertThat(at).as(name + ": the date closes the document").isGreaterThan(1);
        Line date = body.get(at);
        Line unit = body.get(at - 1);
        assertThat(unit.text).startsWith("中共");
        assertThat(date.center() - unit.center()).as(name + ": date on the line below the 署名").isCloseTo(PITCH, offset(0.3));
        assertThat(unit.center() - body.get(at - 2).center()).as(name + ": one empty line above the 署名")
                .isCloseTo(2 * PITCH, offset(0.3));
        // the date counts as the longer once, begun two 字 right of the 署名, it would pass the 署名's end
        // (GbDocumentWriter.signature): a January date is shorter than a December one, and both must hold
        boolean dateLonger = date.xMax - date.xMin > unit.xMax - unit.xMin - 2 * CHARACTER;
        Line anchor = dateLonger ? date : unit;
        assertThat(RIGHT - anchor.xMax).as(name + ": 右空二字, mm").isCloseTo(2 * CHARACTER, offset(1.0));
        assertThat(date.xMin - unit.xMin).as(name + ": the date two characters right of the 署名, mm")
                .isCloseTo(2 * CHARACTER, offset(1.0));
        assertThat(RIGHT - Math.max(date.xMax, unit.xMax)).as(name + ": 右空二字 at least, mm").isGreaterThan(2 * CHARACTER - 1);
    }

    /**
     * A face per level: a heavy serif for the title, a serif for the body, a 黑 face for 一、, a 楷 face for （一）.
     * pdftohtml names each line's font by its subset tag, pdffonts the tag's full name.
     */
    private Map<String, String> checkFonts(String name, Path file) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String row : run("pdffonts", file.toString()).split("\n")) {
            Matcher m = Pattern.compile("^(\\w{6}\\+\\S+)").matcher(row);
            if (m.find()) {
                // the face without its subset tag: LibreOffice embeds a face once for Chinese and once for Latin
                names.put(m.group(1).substring(0, 7), m.group(1).substring(7));
            }
        }
        String xml = run("pdftohtml", "-xml", "-i", "-stdout", file.toString());
        Map<String, String> specs = new LinkedHashMap<>();
        Matcher spec = Pattern.compile("<fontspec id=\"(\\d+)\" size=\"[\\d.]+\" family=\"(\\w{6}\\+)[^\"]*\"").matcher(xml);
        while (spec.find()) {
            specs.put(spec.group(1), names.getOrDefault(spec.group(2), spec.group(2)));
        }
        Map<String, String> levels = new LinkedHashMap<>();
        Matcher text = Pattern.compile("<text [^>]*font=\"(\\d+)\">(.*?)</text>").matcher(xml);
        while (text.find()) {
            String t = text.group(2).replaceAll("<[^>]+>", "").replace(" ", "");
            String font = specs.get(text.group(1));
            String level = levels.isEmpty() ? "title" : t.matches("^[一二三四五六七八九十]+、.*") ? "heading1"
                    : t.matches("^（[一二三四五六七八九十]+）.*") ? "heading2"
                    : t.length() > 20 && t.codePoints().allMatch(c -> c >= 0x2000) ? "body" : null;
            if (level != null) {
                String before = levels.putIfAbsent(level, font);
                assertThat(before == null || before.equals(font)).as(name + ": one face for " + level + ", " + t).isTrue();
            }
        }
        // a 自查报告 goes item by item (1.) under its 一、 headings: it has no （一）
        assertThat(levels.keySet()).as(name).contains("title", "heading1", "body");
        assertThat(Set.copyOf(levels.values())).as(name + ": a distinct face per level " + levels).hasSize(levels.size());
        assertThat(levels.get("title")).as(name + ": a heavy serif title").containsPattern("(?i)(serif|song|ming).*(bold|black|heavy)|XiaoBiaoSong");
        assertThat(levels.get("body")).as(name + ": a serif body").containsPattern("(?i)serif|song|ming")
                .doesNotContainPattern("(?i)bold|black|heavy");
        assertThat(levels.get("heading1")).as(name + ": a 黑 face for 一、").containsPattern("(?i)sans|hei");
        if (levels.containsKey("heading2")) {
            assertThat(levels.get("heading2")).as(name + ": a 楷 face for （一）").containsPattern("(?i)kai");
        }
        return levels;
    }

    record Word(double xMin, double yMin, double xMax, double yMax, String text) {
    }

    /** A line as pdftotext sees it, in mm from the page's top left; its text without the spaces between words. */
    record Line(double xMin, double yMin, double xMax, double yMax, String text, List<Word> words) {

        double center() {
            return (yMin + yMax) / 2;
        }
    }

    record Page(List<Line> lines) {
    }

    private static List<Page> pages(String xhtml) {
        List<Page> pages = new ArrayList<>();
        Pattern word = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(.*?)</word>");
        for (String page : xhtml.split("<page ")) {
            if (!page.contains("<line")) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (String line : page.split("<line ")) {
                List<Word> words = new ArrayList<>();
                Matcher m = word.matcher(line);
                while (m.find()) {
                    words.add(new Word(mm(m.group(1)), mm(m.group(2)), mm(m.group(3)), mm(m.group(4)),
                            org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(5))));
                }
                if (!words.isEmpty()) {
                    lines.add(new Line(words.stream().mapToDouble(Word::xMin).min().orElseThrow(),
                            words.stream().mapToDouble(Word::yMin).min().orElseThrow(),
                            words.stream().mapToDouble(Word::xMax).max().orElseThrow(),
                            words.stream().mapToDouble(Word::yMax).max().orElseThrow(),
                            String.join("", words.stream().map(Word::text).toList()), words));
                }
            }
            lines.sort(java.util.Comparator.comparingDouble(Line::yMin));
            pages.add(new Page(merge(lines)));
        }
        return pages;
    }

    /** pdftotext may cut one printed line into several (at a wide justified gap): join those on the same baseline. */
    private static List<Line> merge(List<Line> lines) {
        List<Line> merged = new ArrayList<>();
        for (Line line : lines) {
            Line last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Math.abs(last.center() - line.center()) < 1) {
                List<Word> words = new ArrayList<>(last.words);
                words.addAll(line.words);
                words.sort(java.util.Comparator.comparingDouble(Word::xMin));
                merged.set(merged.size() - 1, new Line(Math.min(last.xMin, line.xMin), Math.min(last.yMin, line.yMin),
                        Math.max(last.xMax, line.xMax), Math.max(last.yMax, line.yMax),
                        String.join("", words.stream().map(Word::text).toList()), words));
            } else {
                merged.add(line);
            }
        }
        return merged;
    }

    private static double mm(String points) {
        return Double.parseDouble(points) / MM;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
