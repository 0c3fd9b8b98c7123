package org.luoshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module's tables (and JPA entities) are read and written by that module's code only; other
 * modules go through its public API. The module structure test sees Java dependencies only; this one
 * reads the SQL and JPQL in string literals. There is one exception, {@link #SYSTEM_LEVEL}, with its reason.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/org/luoshi");

    /** Table or entity name → the module that owns it. */
    static String owner(String name) {
        String n = name.toLowerCase();
        if (n.startsWith("ledger_") || n.equals("study_attendance")) {
            return "ledger";
        }
        return OWNERS.get(n);
    }

    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("account", "account"), Map.entry("access_token", "account"), Map.entry("accesstoken", "account"),
            Map.entry("audit_event", "account"), Map.entry("auditevent", "account"), Map.entry("audit_chain", "account"),
            Map.entry("attachment", "evidence"), Map.entry("job_lock", "schedule"),
            Map.entry("org_unit", "org"), Map.entry("orgunit", "org"), Map.entry("person", "org"), Map.entry("post", "org"),
            Map.entry("post_holding", "org"), Map.entry("postholding", "org"),
            Map.entry("responsibility", "responsibility"), Map.entry("responsibility_letter", "responsibility"),
            Map.entry("responsibilityletter", "responsibility"), Map.entry("leading_group", "responsibility"),
            Map.entry("leadinggroup", "responsibility"), Map.entry("group_seat", "responsibility"),
            Map.entry("groupseat", "responsibility"),
            Map.entry("indicator", "assessment"), Map.entry("indicator_filter", "assessment"),
            Map.entry("indicator_set", "assessment"), Map.entry("indicatorset", "assessment"),
            Map.entry("manual_score", "assessment"), Map.entry("manualscore", "assessment"),
            Map.entry("checklist", "inspection"), Map.entry("checklist_item", "inspection"), Map.entry("finding", "inspection"),
            Map.entry("inspection", "inspection"), Map.entry("inspection_answer", "inspection"),
            Map.entry("inspection_unit", "inspection"), Map.entry("answer_evidence", "inspection"),
            Map.entry("rectification_event", "inspection"), Map.entry("rectification_evidence", "inspection"),
            Map.entry("notification", "inspection"), Map.entry("notification_read", "inspection"),
            Map.entry("indicator_warning", "inspection"),
            Map.entry("report", "report"), Map.entry("report_event", "report"), Map.entry("report_template", "report"),
            Map.entry("report_version", "report"),
            Map.entry("reporting_task", "request"), Map.entry("reportingtask", "request"),
            Map.entry("task_answer", "request"), Map.entry("taskanswer", "request"), Map.entry("task_figure", "request"));

    /**
     * The one system-level exception: the backup module's attachment check compares the evidence module's
     * rows with the files in its storage directory from outside (rows without files, files without rows);
     * the evidence module offers no listing of its storage keys. The backup itself reads the database
     * through the database's own dump (SCRIPT TO, pg_dump), never table by table.
     */
    static final Map<String, Set<String>> SYSTEM_LEVEL = Map.of("backup/AttachmentCheck.java", Set.of("attachment"));

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z_0-9]*)");

    /** The other modules' tables or entities that a source file of {@code module} names in SQL or JPQL. */
    static Set<String> crossings(String module, String source) {
        Set<String> found = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            Matcher named = NAMED.matcher(literal.group(1));
            while (named.find()) {
                String name = named.group(1);
                String owner = owner(name);
                if (owner != null && !owner.equals(module)) {
                    found.add(name.toLowerCase());
                }
            }
        }
        // the Criteria API names an entity by its class: query.from(OrgUnit.class)
        Matcher criteria = CRITERIA.matcher(source);
        while (criteria.find()) {
            String owner = owner(criteria.group(1));
            if (owner != null && !owner.equals(module)) {
                found.add(criteria.group(1).toLowerCase());
            }
        }
        return found;
    }

    private static final Pattern CRITERIA = Pattern.compile("\\.from\\(\\s*([A-Za-z_][A-Za-z_0-9]*)\\.class\\s*\\)");

    @Test
    void noModuleNamesAnotherModulesTables() throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                String module = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
                Set<String> crossed = new TreeSet<>(crossings(module, Files.readString(file)));
                crossed.removeAll(SYSTEM_LEVEL.getOrDefault(name, Set.of()));
                if (!crossed.isEmpty()) {
                    actual.put(name, crossed);
                }
            }
        }
        assertThat(actual).as("SQL or JPQL naming another module's tables: ask that module's API").isEmpty();
    }

    @Test
    void aPlantedCrossingIsCaught() {
        String planted = "class X { String sql = \"select count(*) from ledger_record r join org_unit u on u.id = r.org_unit_id\"; }";
        assertThat(crossings("report", planted)).containsExactly("ledger_record", "org_unit");
        assertThat(crossings("ledger", planted)).containsExactly("org_unit");
        assertThat(crossings("report", "String s = \"select r from Report r join OrgUnit u on u.id = r.orgUnitId\";"))
                .containsExactly("orgunit");
        assertThat(crossings("inspection", "Root<OrgUnit> u = inScope.from(OrgUnit.class);")).containsExactly("orgunit");
        // words in prose are not tables
        assertThat(crossings("inspection", "@Operation(summary = \"Raises findings from red indicator periods\")")).isEmpty();
    }
}
