package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trustspace.app.demo.DemoSpace;
import io.trustspace.app.keys.KeyRotation;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's ledger checked by tools/verify_ledger.py, a verifier written from the specifications in Python with
 * OpenSSL for Ed25519, sharing no code with ours: checkpoint signature, root from the entry bundles, and a receipt's
 * inclusion proof, all fetched over HTTP.
 */
class IndependentVerifierE2ETest {

    private static final Path VERIFIER =
            Path.of("..", "tools", "verify_ledger.py").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static boolean available(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void independentVerifier_acceptsTheLedgerAndAReceipt_andRejectsAForgedReceipt() throws Exception {
        assumeTrue(available("python3", "--version") && available("openssl", "version"), "python3 and openssl");
        HttpClient http = HttpClient.newHttpClient();
        try (DemoSpace space = DemoSpace.start(dir.resolve("demo"), SuiteId.INTL, FreePorts.base(4))) {
            // The ledger takes records only from members: the scenario admits provider and consumer first.
            assertThat(new io.trustspace.app.demo.DemoScenario(
                                    space, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                            .run())
                    .isTrue();
            EvidenceRecord record = null;
            for (String node : List.of("provider", "consumer", "provider")) {
                record = space.node(node)
                        .context()
                        .getBean(KeyRotation.class)
                        .rotate()
                        .evidence();
            }
            EvidenceOutbox outbox = space.node("provider").context().getBean(EvidenceOutbox.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (outbox.receipt(record.id()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String base = space.operator().baseUrl();
            String logKey = get(http, base + "/ledger/v1/log-key").strip();
            Path receipt = Files.writeString(
                    dir.resolve("receipt.json"), get(http, base + "/ledger/v1/records/" + record.id()));

            Result valid = run(base, logKey, receipt);
            assertThat(valid.exit()).as(valid.output()).isZero();
            assertThat(valid.output()).contains("root matches", "receipt for " + record.id() + " verifies");

            Files.writeString(receipt, Files.readString(receipt).replace("key.rotated", "key.forged"));
            Result forged = run(base, logKey, receipt);
            assertThat(forged.exit()).as(forged.output()).isEqualTo(1);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(String base, String logKey, Path receipt) throws Exception {
        Process process = new ProcessBuilder("python3", VERIFIER.toString(), base, logKey, receipt.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
