package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All user-visible text comes from the message bundles: templates hold no Chinese text of their
 * own, every key they or the code use exists, and the Chinese and English bundles list the same keys.
 */
class MessageBundleTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:message\\s*=\\s*\"\\{|RuleViolationException\\(\"|messageKey\\(\"|MessageKey\\.of\\(\")([a-z][\\w.-]*)");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        for (Path english : bundles()) {
            Path chinese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertThat(chinese).as("Chinese bundle beside %s", english).exists();
            Set<String> en = load(english).stringPropertyNames();
            Set<String> zh = load(chinese).stringPropertyNames();
            assertThat(new TreeSet<>(zh)).as("keys of %s against %s", chinese, english).isEqualTo(new TreeSet<>(en));
        }
    }

    @Test
    void templatesHoldNoHardCodedChineseText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (HAN.matcher(lines.get(i)).find()) {
                    offenders.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(offenders).as("Chinese text belongs in messages_zh_CN.properties, not in templates").isEmpty();
    }

    @Test
    void everyKeyUsedExistsInTheChineseBundles() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path english : bundles()) {
            known.addAll(load(english.resolveSibling(english.getFileName().toString()
                    .replace(".properties", "_zh_CN.properties"))).stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            collect(TEMPLATE_KEY, Files.readString(template), known, missing, TEMPLATES.relativize(template).toString());
        }
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            for (Path source : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(CODE_KEY, Files.readString(source), known, missing, source.getFileName().toString());
            }
        }
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> known, Set<String> missing, String where) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            if (!known.contains(key)) {
                missing.add(key + " (" + where + ")");
            }
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .filter(p -> p.getFileName().toString().startsWith("messages") || p.getParent().endsWith("i18n"))
                    .toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
