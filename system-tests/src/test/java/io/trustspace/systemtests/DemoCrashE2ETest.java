package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real executable, killed with SIGKILL and started again: every node comes back with the same keys (its data
 * survived), the orphaned PostgreSQL is taken over, and the scenario passes again.
 */
class DemoCrashE2ETest {

    private static final Path JAR =
            Path.of("..", "app", "target", "trustspace.jar").toAbsolutePath().normalize();
    private static final Pattern READY = Pattern.compile("ready in ([0-9.]+) s");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Run(Process process, List<String> lines, double readySeconds) {}

    private Run start(int portBase, boolean exitAfterScenario) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "demo",
                "--port-base",
                String.valueOf(portBase),
                "--data-dir",
                dir.resolve("demo").toString()));
        if (exitAfterScenario) {
            command.add("--exit-after-scenario");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TRUSTSPACE_KEY_PASSPHRASE");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String terminal = exitAfterScenario ? "SCENARIO " : "Press Ctrl-C";
        String line;
        double ready = -1;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                ready = Double.parseDouble(matcher.group(1));
            }
            if (line.contains(terminal)) {
                break;
            }
        }
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}), "demo-output");
        drain.setDaemon(true); // keeps the child's pipe from filling up once we stop reading
        drain.start();
        return new Run(process, lines, ready);
    }

    private String signingKid(int port) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/node"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher kid = Pattern.compile("\"signingKey\":\\{\"kid\":\"([^\"]+)\"").matcher(response.body());
        assertThat(kid.find()).as(response.body()).isTrue();
        return kid.group(1);
    }

    @Test
    void kill9_andRestart_keepsAllData() throws Exception {
        assertThat(Files.exists(JAR)).as("built by the app module: " + JAR).isTrue();
        int portBase = FreePorts.base(3);

        Run first = start(portBase, false);
        List<String> kids = new ArrayList<>();
        try {
            assertThat(first.lines()).as(String.join("\n", first.lines())).anyMatch(l -> l.contains("Scenario passed"));
            for (int offset = 0; offset < 3; offset++) {
                kids.add(signingKid(portBase + offset));
            }
        } finally {
            first.process().destroyForcibly(); // kill -9
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Run second = start(portBase, true);
        try {
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.lines()).as(String.join("\n", second.lines())).contains("SCENARIO PASSED");
            assertThat(second.process().exitValue()).isZero();
            System.out.printf("demo second start after kill -9: ready in %.1f s%n", second.readySeconds());
        } finally {
            second.process().destroyForcibly();
        }

        Run third = start(portBase, false);
        try {
            List<String> after = new ArrayList<>();
            for (int offset = 0; offset < 3; offset++) {
                after.add(signingKid(portBase + offset));
            }
            assertThat(after).isEqualTo(kids);
        } finally {
            third.process().destroy(); // Ctrl-C: orderly shutdown, embedded PostgreSQL stopped
            assertThat(third.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
