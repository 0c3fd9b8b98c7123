package org.luoshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Converts .docx to PDF with LibreOffice ({@code soffice --headless}) where it is installed. Each
 * conversion runs in its own temporary directory and LibreOffice profile, so that concurrent
 * conversions do not lock each other out, and is killed after a timeout. LibreOffice finds its faces
 * through the project's fontconfig file ({@code fontconfig/luoshi-fonts.conf}), which maps the fonts a
 * report names to installed serif, 黑 and 楷 faces.
 */
@Component
class PdfConverter {

    static final String FONTCONFIG = "fontconfig/luoshi-fonts.conf";

    private final Optional<Path> soffice;
    private final long timeoutSeconds;
    private final Path fontconfig;
    private final Map<GbDocumentWriter.Fonts, Optional<List<Substitution>>> substitutions = new ConcurrentHashMap<>();

    PdfConverter(@Value("${luoshi.report.soffice:}") String configured,
            @Value("${luoshi.report.pdf-timeout-seconds:120}") long timeoutSeconds) {
        this.soffice = locate(configured);
        this.timeoutSeconds = timeoutSeconds;
        this.fontconfig = extractFontconfig();
    }

    /** A font a report names that is not installed here, and the face the PDF is set in instead. */
    record Substitution(String font, String face) {
    }

    /**
     * The fonts of the set that the PDF sets in another face because they are not installed on this server,
     * as fontconfig resolves them with the project's file; empty when every one is installed, absent when
     * it cannot tell (no fc-match). Asked once per set: fonts are installed with the server, not per request.
     */
    Optional<List<Substitution>> substitutions(GbDocumentWriter.Fonts fonts) {
        return substitutions.computeIfAbsent(fonts, this::resolve);
    }

    private Optional<List<Substitution>> resolve(GbDocumentWriter.Fonts fonts) {
        List<Substitution> found = new ArrayList<>();
        for (String font : new LinkedHashSet<>(List.of(fonts.body(), fonts.title(), fonts.heading1(), fonts.heading2(),
                fonts.pageNumber()))) {
            Optional<String> families = fcMatch(font);
            if (families.isEmpty()) {
                return Optional.empty();
            }
            // fc-match lists every name of the face it chose: the official font answers to its own name
            List<String> names = List.of(families.get().split(","));
            if (!names.contains(font)) {
                found.add(new Substitution(font, names.get(0)));
            }
        }
        return Optional.of(List.copyOf(found));
    }

    private Optional<String> fcMatch(String font) {
        try {
            ProcessBuilder builder = new ProcessBuilder("fc-match", "-f", "%{family}", font).redirectErrorStream(true);
            builder.environment().put("FONTCONFIG_FILE", fontconfig.toString());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The fontconfig file out of the jar, once per run: fontconfig reads a file, not a classpath resource. */
    private static Path extractFontconfig() {
        try (InputStream in = PdfConverter.class.getClassLoader().getResourceAsStream(FONTCONFIG)) {
            if (in == null) {
                throw new IllegalStateException(FONTCONFIG + " is missing from the classpath");
            }
            Path file = Files.createTempFile("luoshi-fonts-", ".conf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean available() {
        return soffice.isPresent();
    }

    /** Where LibreOffice was found, for the page that explains why PDF is (un)available. */
    Optional<Path> executable() {
        return soffice;
    }

    byte[] convert(byte[] docx) {
        Path program = soffice.orElseThrow(() -> new org.luoshi.web.RuleViolationException("report.pdfUnavailable"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("luoshi-pdf-");
            Path input = dir.resolve("report.docx");
            Files.write(input, docx);
            ProcessBuilder builder = new ProcessBuilder(program.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--convert-to", "pdf", "--outdir", dir.toString(), input.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile());
            builder.environment().put("FONTCONFIG_FILE", fontconfig.toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new org.luoshi.web.RuleViolationException("report.pdfTimeout", timeoutSeconds);
            }
            Path pdf = dir.resolve("report.pdf");
            if (process.exitValue() != 0 || !Files.exists(pdf)) {
                throw new org.luoshi.web.RuleViolationException("report.pdfFailed");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.luoshi.web.RuleViolationException("report.pdfFailed");
        } finally {
            delete(dir);
        }
    }

    private static Optional<Path> locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        Path usual = Path.of("/usr/bin/soffice");
        return Files.isExecutable(usual) ? Optional.of(usual) : Optional.empty();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
