package org.luoshi.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Converts .docx to PDF with LibreOffice ({@code soffice --headless}) where it is installed. Each
 * conversion runs in its own temporary directory and LibreOffice profile, so that concurrent
 * conversions do not lock each other out, and is killed after a timeout.
 */
@Component
class PdfConverter {

    private final Optional<Path> soffice;
    private final long timeoutSeconds;

    PdfConverter(@Value("${luoshi.report.soffice:}") String configured,
            @Value("${luoshi.report.pdf-timeout-seconds:120}") long timeoutSeconds) {
        this.soffice = locate(configured);
        this.timeoutSeconds = timeoutSeconds;
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
            Process process = new ProcessBuilder(program.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--convert-to", "pdf", "--outdir", dir.toString(), input.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile())
                    .start();
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
