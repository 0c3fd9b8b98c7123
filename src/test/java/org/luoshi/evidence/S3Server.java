package org.luoshi.evidence;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock, its executable jar from Maven Central run as a
 * separate {@code java -jar} process on free ports, with one bucket. .ci/run fetches the jar into target/s3mock
 * (pom property s3mock.version); it is also found in the local Maven repository. Without it, or when it does not
 * start, the tests are skipped with the reason, unless {@code LUOSHI_S3_TESTS=required} (as .ci/run sets), when
 * they fail.
 */
final class S3Server implements AutoCloseable {

    static final String BUCKET = "luoshi-evidence";

    private final Process process;
    private final Path root;
    private final Path log;
    final String endpoint;

    private S3Server(Process process, Path root, Path log, String endpoint) {
        this.process = process;
        this.root = root;
        this.log = log;
        this.endpoint = endpoint;
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv("LUOSHI_S3_TESTS"));
    }

    /** Starts the server, or skips the calling test (fails it when required) with the reason. */
    static S3Server start() throws IOException, InterruptedException {
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            unavailable("no S3Mock jar: run ./mvnw dependency:copy -Dartifact=com.adobe.testing:s3mock:<s3mock.version>:jar:exec "
                    + "-DoutputDirectory=target/s3mock (as .ci/run does)");
        }
        int http = freePort();
        int https = freePort();
        Path root = Files.createTempDirectory("luoshi-s3mock-");
        Path log = root.resolveSibling(root.getFileName() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.get().toString(),
                "--com.adobe.testing.s3mock.httpPort=" + http, "--server.port=" + https,
                "--com.adobe.testing.s3mock.domain.root=" + root.resolve("data"),
                "--com.adobe.testing.s3mock.domain.initialBuckets=" + BUCKET,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String endpoint = "http://127.0.0.1:" + http;
        S3Server server = new S3Server(process, root, log, endpoint);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                server.close();
                unavailable("S3Mock exited at start: " + tail(log));
            }
            if (bucketAnswers(endpoint)) {
                return server;
            }
            Thread.sleep(500);
        }
        server.close();
        unavailable("S3Mock did not answer within 180 s: " + tail(log));
        return null;
    }

    private static void unavailable(String why) {
        if (required()) {
            throw new IllegalStateException("LUOSHI_S3_TESTS=required, but " + why);
        }
        assumeThat(false).as("S3 tests skipped: " + why + " (set LUOSHI_S3_TESTS=required to make this a failure)").isTrue();
    }

    private static boolean bucketAnswers(String endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/" + BUCKET).toURL().openConnection();
            c.setRequestMethod("HEAD");
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Path> jar() throws IOException {
        String configured = System.getProperty("luoshi.s3mock.jar", System.getenv("LUOSHI_S3MOCK_JAR"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        List<Path> places = List.of(Path.of("target/s3mock"),
                Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "adobe", "testing", "s3mock"));
        for (Path place : places) {
            if (Files.isDirectory(place)) {
                try (Stream<Path> files = Files.walk(place, 2)) {
                    Optional<Path> found = files.filter(f -> f.getFileName().toString().matches("s3mock-.*-exec\\.jar"))
                            .max(Comparator.naturalOrder());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 1500));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    EvidenceSettings.S3 settings(String prefix) {
        // S3Mock accepts any credentials; these are the test's own, not a secret.
        return new EvidenceSettings.S3(endpoint, "us-east-1", BUCKET, prefix, "test-access-key", "test-secret-key");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(log);
    }
}
