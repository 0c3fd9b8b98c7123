package org.luoshi.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a report version, stored as JSON: an ordered list of blocks. A block's generated
 * lines come from the figures and are refreshed on every regeneration; its {@code text} is the
 * user's and survives regeneration.
 *
 * @param figures the text of every figure as the version was written with it, by {@link FigureName#key()}:
 *     every download of the version (built-in or custom template, Word or PDF, simplified or
 *     traditional) renders these, never figures computed later. Versions saved before figures were
 *     kept have none; see {@link #figureText(FigureName)}.
 * @param items the entries of every list figure that was not missing (media by level, leading group
 *     members, unmet indicators, open findings …), by {@link FigureName#key()}, as the version was written
 *     with them: custom templates list them as rows. Versions saved before items were kept have none;
 *     see {@link #items(FigureName)}.
 */
record ReportContent(List<Block> blocks, Map<String, String> figures, Map<String, List<Item>> items,
        Map<String, Resolution> resolutions, Map<String, String> overrides) {

    ReportContent {
        blocks = List.copyOf(blocks);
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        items = items == null ? Map.of() : Map.copyOf(items);
        resolutions = resolutions == null ? Map.of() : Map.copyOf(resolutions);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    ReportContent(List<Block> blocks, Map<String, String> figures, Map<String, List<Item>> items) {
        this(blocks, figures, items, Map.of(), Map.of());
    }

    /**
     * This content with a figure typed over by hand. The sentence
     * then states the user's value; the page marks it and the check panel lists it, and it stays
     * through regeneration until the user takes it back.
     */
    ReportContent overriding(String figureKey, String value) {
        Map<String, String> more = new LinkedHashMap<>(overrides);
        if (value == null || value.isBlank()) {
            more.remove(figureKey);
        } else {
            more.put(figureKey, value.strip());
        }
        return new ReportContent(blocks, figures, items, resolutions, more).settled();
    }

    /** The figures typed over by hand that this content states, in order of appearance. */
    List<Part> overridden() {
        return figureParts().stream().filter(Part::overridden).toList();
    }

    /**
     * How the user settled a figure that has no records (a 【待补充】 marker in a generated sentence):
     * the sentence then says plainly that there was none this year, or is left out. A figure that
     * gets records later is stated again: a resolution applies only while the figure is missing.
     */
    enum Resolution {
        /** "本年度无…。" in place of the sentence. */
        NONE_THIS_YEAR,
        /** The sentence is left out. */
        DELETE
    }

    /** This content with the figure's missing sentences settled as the user chose. */
    ReportContent resolving(String figureKey, Resolution resolution) {
        Map<String, Resolution> more = new LinkedHashMap<>(resolutions);
        more.put(figureKey, resolution);
        return new ReportContent(blocks, figures, items, more, overrides).settled();
    }

    /**
     * The generated lines with the user's overrides and resolutions applied: an overridden figure states
     * the user's value (and is no longer missing); a figure still missing is settled as chosen.
     */
    private ReportContent settled() {
        if (resolutions.isEmpty() && overrides.isEmpty() && blocks.stream().allMatch(b -> b.lineEdits().isEmpty())) {
            return this;
        }
        List<Block> changed = new ArrayList<>();
        for (Block block : blocks) {
            List<List<Part>> lines = new ArrayList<>();
            boolean numbered = !block.lines().isEmpty() && block.lines().stream().allMatch(ReportContent::numbered);
            for (List<Part> generated : block.lines()) {
                // the user's words for this sentence, with today's figures in them
                String template = block.lineEdits().get(signature(generated));
                List<Part> original = template == null ? generated : reworded(template, generated);
                List<Part> line = original.stream().map(p -> p.figure() != null && overrides.containsKey(p.figure())
                        ? new Part(overrides.get(p.figure()), p.figure(), false, p.links(), true) : p).toList();
                Part settled = line.stream().filter(p -> p.missing() && resolutions.containsKey(p.figure())).findFirst()
                        .orElse(null);
                if (settled == null) {
                    lines.add(line);
                } else if (resolutions.get(settled.figure()) == Resolution.NONE_THIS_YEAR) {
                    lines.add(List.of(Part.text(noneThisYear(settled))));
                }
            }
            if (numbered) {
                lines = renumbered(lines);
            }
            changed.add(block.withLines(lines));
        }
        return new ReportContent(changed, figures, items, resolutions, overrides);
    }

    /** "本年度无理论宣讲记录。" from the marker "【待补充：本年度理论宣讲记录】". */
    private static String noneThisYear(Part missing) {
        String what = ReportText.markersIn(missing.text()).stream().findFirst().orElse("相关记录")
                .replaceFirst("^(本年度|\\d{4}年)", "").replaceAll("（[^）]*）$", "");
        return "本年度无" + what + "。";
    }

    private static boolean numbered(List<Part> line) {
        return !line.isEmpty() && line.get(0).figure() == null && line.get(0).text().matches("\\d+\\..*");
    }

    private static List<List<Part>> renumbered(List<List<Part>> lines) {
        List<List<Part>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Part> line = new ArrayList<>(lines.get(i));
            if (!line.isEmpty() && line.get(0).figure() == null) {
                String text = line.get(0).text().replaceFirst("^\\d+\\.", "");
                line.set(0, Part.text((i + 1) + "." + text));
            } else {
                line.add(0, Part.text((i + 1) + "."));
            }
            out.add(line);
        }
        return out;
    }

    /** A fresh content: the blocks written from {@code set}, keeping every figure's text and every list figure's entries. */
    static ReportContent of(List<Block> blocks, FigureSet set) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<Item>> entries = new LinkedHashMap<>();
        for (FigureName name : FigureName.values()) {
            Figure figure = set.get(name);
            texts.put(name.key(), figure.display());
            if (figure.kind() == Figure.Kind.LIST) {
                entries.put(name.key(), figure.items().stream().map(Item::of).toList());
            }
        }
        return new ReportContent(blocks, texts, entries);
    }

    /**
     * One entry of a list figure as the version states it.
     *
     * @param count a number of the entry (articles at a level), or null
     */
    record Item(String label, String detail, Long count) {

        Item {
            label = label == null ? "" : label;
            detail = detail == null ? "" : detail;
        }

        static Item of(FigureItem item) {
            return new Item(item.label(), item.detail(), item.count());
        }
    }

    /**
     * The entries of a list figure as this version states them; empty when the figure was missing or the
     * version was saved before entries were kept (its text, {@link #figureText}, is then all there is).
     */
    java.util.Optional<List<Item>> items(FigureName name) {
        return java.util.Optional.ofNullable(items.get(name.key()));
    }

    /**
     * A figure as this version states it. A version saved before figures were kept falls back to the
     * figure's text in its own sentences, else to the missing marker: never to today's figures.
     */
    String figureText(FigureName name) {
        String kept = figures.get(name.key());
        if (kept != null) {
            return kept;
        }
        return figureParts().stream().filter(p -> name.key().equals(p.figure())).map(Part::text).findFirst()
                .orElseGet(() -> ReportText.marker(name.missingDescription()));
    }

    /**
     * The text of a figure part, a figure or a figure derived in the sentences (mediaTotal,
     * opinionOnTimeRate …), as this version states it; empty when no sentence of the version states it.
     */
    java.util.Optional<String> partText(String key) {
        return figureParts().stream().filter(p -> key.equals(p.figure())).map(Part::text).findFirst();
    }

    enum BlockType {
        /** A paragraph without heading: the opening. */
        PARAGRAPH,
        /** "一、" level. */
        HEADING1,
        /** "（一）" level, followed by its generated sentences and the user's text. */
        HEADING2
    }

    /**
     * @param key stable name of the block, e.g. "opening", "theory", "problems"
     * @param type its level
     * @param heading the heading text without numbering, or null for a plain paragraph
     * @param lines generated lines (each a list of parts); a block with several lines is an enumeration
     * @param text the user's paragraphs, separated by newlines; null when the block has no narrative
     */
    /**
     * @param lineEdits the user's wording of generated sentences: the sentence's figures (its signature,
     *     see {@link #signature}) → the wording with each figure as {@code {key}}; the figures refresh
     *     on regeneration, the words stay
     */
    record Block(String key, BlockType type, String heading, List<List<Part>> lines, String text, boolean headingEdited,
            Map<String, String> lineEdits) {

        Block {
            lines = lines == null ? List.of() : lines.stream().map(List::copyOf).toList();
            lineEdits = lineEdits == null ? Map.of() : Map.copyOf(lineEdits);
        }

        Block(String key, BlockType type, String heading, List<List<Part>> lines, String text) {
            this(key, type, heading, lines, text, false, Map.of());
        }

        boolean editable() {
            return text != null;
        }

        Block withText(String newText) {
            return new Block(key, type, heading, lines, newText, headingEdited, lineEdits);
        }

        Block withLines(List<List<Part>> newLines) {
            return new Block(key, type, heading, newLines, text, headingEdited, lineEdits);
        }

        /** The user's own heading (the generated one is a default), kept through regeneration. */
        Block withHeading(String newHeading) {
            return new Block(key, type, newHeading, lines, text, true, lineEdits);
        }

        Block withLineEdits(Map<String, String> edits) {
            return new Block(key, type, heading, lines, text, headingEdited, edits);
        }

        /** Each generated sentence as the user edits it: words, with each figure as 〔its label〕. */
        public List<String> editableLines() {
            return lines.stream().map(line -> String.join("", line.stream()
                    .map(p -> p.figure() == null ? p.text() : "〔" + ReportDraft.label(p.figure()) + "〕").toList())).toList();
        }

        /** The generated lines as plain text. */
        List<String> lineTexts() {
            return lines.stream().map(line -> String.join("", line.stream().map(Part::text).toList())).toList();
        }

        /** The user's text split into paragraphs, blank lines dropped. */
        List<String> paragraphs() {
            if (text == null) {
                return List.of();
            }
            return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * A piece of a generated line: plain text, or a figure with its resolved text and its records.
     *
     * @param figure the figure's key, or null for plain text
     * @param overridden the text is a value the user typed over the records' figure
     */
    record Part(String text, String figure, boolean missing, List<EvidenceLink> links, boolean overridden) {

        Part {
            links = links == null ? List.of() : List.copyOf(links);
        }

        Part(String text, String figure, boolean missing, List<EvidenceLink> links) {
            this(text, figure, missing, links, false);
        }

        static Part text(String text) {
            return new Part(text, null, false, List.of());
        }

        static Part figure(FigureName name, Figure figure) {
            return new Part(figure.display(), name.key(), figure.isMissing(), figure.allEvidence());
        }

        static Part derived(String key, String text, List<EvidenceLink> links) {
            return new Part(text, key, false, links);
        }
    }

    Block block(String key) {
        return blocks.stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
    }

    /** Takes the user's text of every block that exists in both, keeping this content's generated lines. */
    ReportContent keepingTextOf(ReportContent previous) {
        List<Block> merged = new ArrayList<>();
        for (Block block : blocks) {
            Block old = previous == null ? null : previous.block(block.key());
            Block kept = old != null && block.editable() && old.text() != null ? block.withText(old.text()) : block;
            kept = old == null || old.lineEdits().isEmpty() ? kept : kept.withLineEdits(old.lineEdits());
            merged.add(old != null && old.headingEdited() && block.heading() != null ? kept.withHeading(old.heading()) : kept);
        }
        // the user's resolutions of missing figures stay, for the figures still missing
        return new ReportContent(merged, figures, items, previous == null ? Map.of() : previous.resolutions(),
                previous == null ? Map.of() : previous.overrides()).settled();
    }

    /** The key under which a generated sentence is edited: "line.theory.0" (the block's first sentence). */
    static final String LINE = "line.";

    /** The sentence's figures in order, e.g. "studyCentralGroupCount,seminarCount": which sentence an edit belongs to. */
    static String signature(List<Part> line) {
        return String.join(",", line.stream().map(Part::figure).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * The user's wording of the block's sentences ("line.theory.0" → words with 〔figure labels〕): each
     * label of a figure of that sentence becomes its token; a sentence given back unchanged is no edit.
     */
    private static Block withLineTexts(Block block, Map<String, String> texts) {
        Map<String, String> edits = new LinkedHashMap<>(block.lineEdits());
        List<String> shown = block.editableLines();
        for (int i = 0; i < block.lines().size(); i++) {
            String edited = texts.get(LINE + block.key() + "." + i);
            if (edited == null || edited.strip().equals(shown.get(i))) {
                continue;
            }
            List<Part> line = block.lines().get(i);
            Map<String, String> keyByLabel = new LinkedHashMap<>();
            line.stream().filter(p -> p.figure() != null).forEach(p -> keyByLabel.put(ReportDraft.label(p.figure()), p.figure()));
            java.util.regex.Matcher token = TOKEN.matcher(edited.strip());
            StringBuilder template = new StringBuilder();
            while (token.find()) {
                String key = keyByLabel.get(token.group(1));
                token.appendReplacement(template, java.util.regex.Matcher.quoteReplacement(
                        key == null ? token.group() : "{" + key + "}"));
            }
            token.appendTail(template);
            edits.put(editKey(block, line), template.toString());
        }
        return edits.equals(block.lineEdits()) ? block : block.withLineEdits(edits).withLines(block.lines());
    }

    /**
     * Under which signature the sentence's edit is kept: the one of the generated sentence it came from
     * (an earlier edit may have dropped a figure from it), else its own.
     */
    private static String editKey(Block block, List<Part> line) {
        String text = String.join("", line.stream().map(Part::text).toList());
        return block.lineEdits().entrySet().stream()
                .filter(e -> String.join("", reworded(e.getValue(), line).stream().map(Part::text).toList()).equals(text))
                .map(Map.Entry::getKey).findFirst().orElse(signature(line));
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("〔([^〕]+)〕");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([\\w.]+)\\}");

    /** A sentence in the user's wording, its figures taken from the freshly generated sentence. */
    private static List<Part> reworded(String template, List<Part> generated) {
        Map<String, Part> byKey = new LinkedHashMap<>();
        generated.stream().filter(p -> p.figure() != null).forEach(p -> byKey.putIfAbsent(p.figure(), p));
        List<Part> parts = new ArrayList<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(Part.text(template.substring(at, m.start())));
            }
            Part figure = byKey.get(m.group(1));
            parts.add(figure != null ? figure : Part.text(m.group()));
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(Part.text(template.substring(at)));
        }
        return parts;
    }

    /** The key under which a block's heading is edited, beside the texts: "heading.theory". */
    static final String HEADING = "heading.";

    /**
     * Replaces the user's text of the named blocks, and the headings named {@link #HEADING} + key (a blank
     * heading keeps the one there); unknown or non-editable keys are ignored.
     */
    ReportContent withTexts(Map<String, String> texts) {
        List<Block> changed = new ArrayList<>();
        for (Block block : blocks) {
            String text = texts.get(block.key());
            Block b = text != null && block.editable() ? block.withText(text.strip()) : block;
            b = withLineTexts(b, texts);
            String heading = texts.get(HEADING + block.key());
            if (heading != null && !heading.isBlank() && block.heading() != null && !heading.strip().equals(block.heading())) {
                b = b.withHeading(heading.strip().replaceAll("^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", ""));
            }
            changed.add(b);
        }
        return new ReportContent(changed, figures, items, resolutions, overrides).settled();
    }

    /** Every visible marker: missing figures and markers the user left in the text, by block key. */
    Map<String, List<String>> markers() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Block block : blocks) {
            List<String> here = new ArrayList<>();
            for (List<Part> line : block.lines()) {
                for (Part part : line) {
                    if (part.missing()) {
                        here.addAll(ReportText.markersIn(part.text()));
                    }
                }
            }
            here.addAll(ReportText.markersIn(block.text()));
            if (!here.isEmpty()) {
                found.put(block.key(), here);
            }
        }
        return found;
    }

    /** The figure parts of all blocks, each once, in order of appearance. */
    List<Part> figureParts() {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Block block : blocks) {
            for (List<Part> line : block.lines()) {
                for (Part part : line) {
                    if (part.figure() != null) {
                        parts.putIfAbsent(part.figure(), part);
                    }
                }
            }
        }
        return List.copyOf(parts.values());
    }
}
