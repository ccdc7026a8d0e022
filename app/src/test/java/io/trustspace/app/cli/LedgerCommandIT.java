package io.trustspace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.TrustSpace;
import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestActor;
import io.trustspace.app.testing.TestNode;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code trustspace ledger verify-receipt | verify-consistency | audit} against a real operator. */
class LedgerCommandIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestNode operator;
    private static TestActor actor;
    private static String logKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        operator = TestNode.start(
                NodeRole.OPERATOR, "cli-ledger", "gm", Map.of("trustspace.ledger.open-to-any-actor", "true"));
        actor = new TestActor(CryptoSuites.of(SuiteId.GM));
        logKey = operator.get("/ledger/v1/log-key").body().strip();
    }

    @AfterAll
    static void stop() {
        operator.close();
        actor.close();
    }

    private record Run(int exit, String out) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = TrustSpace.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return new Run(cli.execute(args), out.toString().strip());
    }

    private EvidenceRecord append(String subject) {
        EvidenceRecord record = actor.record("dataset.listed", subject);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode records = body.putArray("records");
        ObjectNode item = records.addObject();
        item.set("record", record.toJson());
        item.put("jws", actor.sign(record).jws());
        int status = operator.send(HttpRequest.newBuilder(URI.create(operator.url("/ledger/v1/records")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))))
                .statusCode();
        assertThat(status).isEqualTo(200);
        return record;
    }

    @Test
    void verifyReceipt_acceptsTheLedgersAnswer_andRejectsAnAlteredRecord() throws Exception {
        EvidenceRecord record = append("urn:cli:receipt");
        Path file = Files.writeString(
                dir.resolve("receipt.json"),
                operator.get("/ledger/v1/records/" + record.id()).body());
        Run valid = run("ledger", "verify-receipt", file.toString(), "--log-key", logKey);
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).startsWith("valid: record " + record.id());

        Files.writeString(file, Files.readString(file).replace("urn:cli:receipt", "urn:cli:forged"));
        Run altered = run("ledger", "verify-receipt", file.toString(), "--log-key", logKey);
        assertThat(altered.exit()).isEqualTo(1);
        assertThat(altered.out()).startsWith("invalid: ");
    }

    @Test
    void verifyConsistency_acceptsGrowth_andRejectsCheckpointsOutOfOrder() throws Exception {
        append("urn:cli:c1");
        Path older = Files.writeString(
                dir.resolve("old.txt"), operator.get("/ledger/checkpoint").body());
        append("urn:cli:c2");
        append("urn:cli:c3");
        Path newer = Files.writeString(
                dir.resolve("new.txt"), operator.get("/ledger/checkpoint").body());
        Run grown = run(
                "ledger",
                "verify-consistency",
                older.toString(),
                newer.toString(),
                "--log-key",
                logKey,
                "--ledger",
                operator.baseUrl());
        assertThat(grown.exit()).as(grown.out()).isZero();

        Path proof = Files.writeString(dir.resolve("proof.json"), "{\"proof\": [\"AAAA\"]}");
        Run forgedProof = run(
                "ledger",
                "verify-consistency",
                older.toString(),
                newer.toString(),
                "--log-key",
                logKey,
                "--proof",
                proof.toString());
        assertThat(forgedProof.exit()).isEqualTo(1);
    }

    @Test
    void audit_recomputesTheLedger_andRefusesAnotherLogKey() {
        append("urn:cli:audit");
        Run audit = run("ledger", "audit", operator.baseUrl(), "--log-key", logKey);
        assertThat(audit.exit()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("entries", "root matches");

        String witness = io.trustspace.ledger.note.NoteKey.of(
                        "someone/witness",
                        io.trustspace.ledger.note.NoteKeyType.COSIGNATURE_V1,
                        CryptoSuites.of(SuiteId.INTL).generateSigningKeyPair().getPublic())
                .toVerifierKey();
        Run uncosigned = run(
                "ledger", "audit", operator.baseUrl(), "--log-key", logKey, "--witness-key", witness, "--require", "1");
        assertThat(uncosigned.exit()).as(uncosigned.out()).isEqualTo(1);

        String stranger = "other.example/ledger+"
                + logKey.substring(logKey.indexOf('+') + 1).replaceFirst("^........", "00000000");
        Run wrongKey = run("ledger", "audit", operator.baseUrl(), "--log-key", stranger);
        assertThat(wrongKey.exit()).isNotZero();
    }
}
