package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoProcess.Run start(int portBase, boolean exitAfterScenario) throws IOException {
        return DemoProcess.start(dir.resolve("demo"), portBase, exitAfterScenario, Duration.ofSeconds(120));
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** Every key id (active and retired) the node at {@code port} lists. */
    private List<String> kids(int port) throws Exception {
        Matcher kid = Pattern.compile("\"kid\":\"([^\"]+)\"").matcher(get("http://127.0.0.1:" + port + "/api/v1/node"));
        List<String> kids = new ArrayList<>();
        while (kid.find()) {
            kids.add(kid.group(1));
        }
        return kids;
    }

    private long ledgerSize(int port) throws Exception {
        return Long.parseLong(
                get("http://127.0.0.1:" + port + "/ledger/checkpoint").split("\n")[1]);
    }

    @Test
    void kill9_andRestart_keepsAllData() throws Exception {
        assertThat(Files.exists(DemoProcess.JAR))
                .as("built by the app module: " + DemoProcess.JAR)
                .isTrue();
        int portBase = FreePorts.base(4);

        DemoProcess.Run first = start(portBase, false);
        List<List<String>> kids = new ArrayList<>();
        long ledgerSize;
        try {
            assertThat(first.lines()).as(String.join("\n", first.lines())).anyMatch(l -> l.contains("Scenario passed"));
            for (int offset = 0; offset < 3; offset++) {
                kids.add(kids(portBase + offset));
            }
            ledgerSize = ledgerSize(portBase);
            assertThat(ledgerSize).isPositive();
        } finally {
            first.process().destroyForcibly(); // kill -9
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        DemoProcess.Run second = start(portBase, true);
        try {
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.lines()).as(String.join("\n", second.lines())).contains("SCENARIO PASSED");
            assertThat(second.process().exitValue()).isZero();
            System.out.printf("demo second start after kill -9: ready in %.1f s%n", second.readySeconds());
        } finally {
            second.process().destroyForcibly();
        }

        DemoProcess.Run third = start(portBase, false);
        try {
            for (int offset = 0; offset < 3; offset++) {
                // Keys from before the kill are all still there (the scenario rotated some since: they are retired).
                assertThat(kids(portBase + offset)).containsAll(kids.get(offset));
            }
            // The evidence of the first run survived: the log only grew (the second run's audit checked it whole).
            assertThat(ledgerSize(portBase)).isGreaterThan(ledgerSize);
        } finally {
            third.process().destroy(); // Ctrl-C: orderly shutdown, embedded PostgreSQL stopped
            assertThat(third.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
