package org.luoshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scopes come from one place: only the account module turns a signed-in user into a {@code DataScope}
 * ({@code DataScope.ofUser}); everything else gets a named read-only scope or the system scope.
 */
class ScopeSourcesTest {

    private static final Path MAIN = Path.of("src/main/java/org/luoshi");

    static List<String> userScopesMadeOutsideAccount(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("account/") && Files.readString(file).contains("DataScope.ofUser(")) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    @Test
    void onlyTheAccountModuleMakesAUsersScope() throws IOException {
        assertThat(userScopesMadeOutsideAccount(MAIN)).isEmpty();
    }

    @Test
    void aScopeMadeElsewhereIsCaught() throws IOException {
        Path planted = Files.createTempDirectory("scopes");
        Files.createDirectories(planted.resolve("report"));
        Files.writeString(planted.resolve("report/Forged.java"), "class Forged { Object s = DataScope.ofUser(\"x\", 1, \"/1/\", true); }");
        Files.createDirectories(planted.resolve("account"));
        Files.writeString(planted.resolve("account/Fine.java"), "class Fine { Object s = DataScope.ofUser(\"x\", 1, \"/1/\", true); }");
        assertThat(userScopesMadeOutsideAccount(planted)).containsExactly("report/Forged.java");
    }
}
