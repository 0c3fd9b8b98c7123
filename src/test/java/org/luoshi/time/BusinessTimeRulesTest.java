package org.luoshi.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The clock is the only source of "now", and the business zone the only zone: a static check of the
 * main sources, so that a new {@code LocalDate.now()} (the JVM's zone, UTC on most servers) fails
 * the build instead of showing yesterday's date before 08:00.
 */
class BusinessTimeRulesTest {

    private static final Path MAIN = Path.of("src/main/java/org/luoshi");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** "Now" without the clock: the system clock in the JVM's zone, never pinned. */
    private static final Pattern NOW_WITHOUT_CLOCK = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth|MonthDay)\\.now\\((?!clock\\))"
                    + "|\\bInstant\\.now\\(|System\\.currentTimeMillis\\(|new (java\\.util\\.)?Date\\(\\)|Calendar\\.getInstance\\(");
    /** A zone named in code: every zone but the configured one is wrong, and that one lives in luoshi.zone. */
    private static final Pattern ZONE_NAMED = Pattern.compile(
            "ZoneId\\.of\\(|ZoneId\\.systemDefault\\(|ZoneOffset\\.|TimeZone\\.|\"Asia/|\"UTC\"|\"GMT|Clock\\.(system|fixed|offset)");

    /** Where naming a zone or the system clock is right, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "time/Times.java", "makes the business clock",
            "ledger/LedgerStore.java", "binds instants to timestamp-with-offset columns; an instant has no zone",
            "exchange/ExchangeService.java", "compares file modification times, which are real times, with the system clock");

    @Test
    void mainCodeTakesNowFromTheClockAndNamesNoZone() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue;
                    }
                    if (NOW_WITHOUT_CLOCK.matcher(line).find() && !name.startsWith("time/")) {
                        offences.add(name + ":" + (i + 1) + " now() without the clock: " + line.strip());
                    }
                    if (ZONE_NAMED.matcher(line).find() && !ALLOWED.containsKey(name)) {
                        offences.add(name + ":" + (i + 1) + " names a zone or clock: " + line.strip());
                    }
                    if (line.contains("@Scheduled(") && !line.contains("zone = \"${luoshi.zone}\"")) {
                        offences.add(name + ":" + (i + 1) + " a schedule outside the business zone: " + line.strip());
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theRuleCatchesWhatItIsMeantToCatch() {
        assertThat(NOW_WITHOUT_CLOCK.matcher("LocalDate today = LocalDate.now();").find()).isTrue();
        assertThat(NOW_WITHOUT_CLOCK.matcher("Instant at = Instant.now();").find()).isTrue();
        assertThat(NOW_WITHOUT_CLOCK.matcher("LocalDate.now(ZONE)").find()).isTrue();
        assertThat(NOW_WITHOUT_CLOCK.matcher("LocalDate today = LocalDate.now(clock);").find()).isFalse();
        assertThat(NOW_WITHOUT_CLOCK.matcher("Instant at = clock.instant();").find()).isFalse();
        assertThat(ZONE_NAMED.matcher("static final ZoneId ZONE = ZoneId.of(\"Asia/Shanghai\");").find()).isTrue();
        assertThat(ZONE_NAMED.matcher("LocalDate.ofInstant(at, clock.getZone())").find()).isFalse();
    }

    /** Thymeleaf's #temporals formats an Instant in the JVM's zone; pages use @times instead. */
    @Test
    void pagesFormatTimesInTheBusinessZone() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = Pattern.compile("#temporals|#dates|#calendars").matcher(Files.readString(file));
                while (m.find()) {
                    offences.add(TEMPLATES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    /** The database session and JSON use the configured zone too, not a second copy of its name. */
    @Test
    void settingsNameTheZoneOnce() throws IOException {
        String settings = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(settings).contains("spring.jpa.properties.hibernate.jdbc.time_zone=${luoshi.zone}",
                "spring.jackson.time-zone=${luoshi.zone}", "luoshi.zone=Asia/Shanghai");
        assertThat(Pattern.compile("Asia/Shanghai").matcher(settings).results().count()).isEqualTo(1);
    }
}
