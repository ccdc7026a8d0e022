package io.trustspace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestActor;
import io.trustspace.app.testing.TestNode;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.merkle.MerkleVerifier;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.tile.TileAuditor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The operator's ledger over real HTTP and PostgreSQL: receipts, refusals, tiles, proofs, tampering. */
class LedgerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);

    private TestNode operator;
    private TestActor actor;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        // These tests are about the log: any actor whose DID verifies may append (a public transparency log).
        operator = TestNode.start(
                NodeRole.OPERATOR, "ledger", "intl", Map.of("trustspace.ledger.open-to-any-actor", "true"));
        actor = new TestActor(SUITE);
    }

    @AfterEach
    void stop() {
        operator.close();
        actor.close();
    }

    /**
     * By default the space's ledger takes records only from participants it credentialed (and itself): anyone else is
     * refused before its DID document is fetched, so no one can write evidence in the space's ledger, nor make the
     * operator fetch URLs of their choosing.
     */
    @Test
    void aSpacesLedger_refusesActorsItNeverCredentialed_withoutFetchingTheirDid() {
        try (TestNode closed = TestNode.start(NodeRole.OPERATOR, "ledger-closed", "intl", Map.of())) {
            SignedEvidence evidence = actor.sign(actor.record("transfer.delivered", "urn:x:1"));
            HttpResponse<String> response = post(closed, body(evidence));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("not a member");
            assertThat(actor.documentFetches()).isZero();
        }
    }

    @Test
    void aRecordTimedMoreThanFiveMinutesAhead_isRefused_oneWithinTheSkewIsTaken() {
        EvidenceRecord now = actor.record("transfer.delivered", "urn:x:future");
        EvidenceRecord ahead = new EvidenceRecord(
                now.id(),
                now.type(),
                now.actor(),
                now.subjects(),
                now.payloadDigest(),
                now.time().plus(java.time.Duration.ofMinutes(30)),
                null);
        EvidenceRecord skewed = new EvidenceRecord(
                java.util.UUID.randomUUID().toString(),
                now.type(),
                now.actor(),
                now.subjects(),
                now.payloadDigest(),
                now.time().plus(java.time.Duration.ofMinutes(2)),
                null);

        JsonNode results = submit(actor.sign(ahead), actor.sign(skewed));

        assertThat(results.get(0).path("status").asInt()).as(results.toString()).isEqualTo(400);
        assertThat(results.get(0).toString()).contains("ahead of the ledger's clock");
        assertThat(results.get(1).has("leafIndex") || results.get(1).has("receipt"))
                .as(results.toString())
                .isTrue();
    }

    private JsonNode submit(SignedEvidence... evidence) {
        HttpResponse<String> response = post(body(evidence));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("results");
    }

    /** The body of an append: {"records": [{record, jws}, …]}. */
    private static String body(SignedEvidence... evidence) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode records = body.putArray("records");
        for (SignedEvidence item : evidence) {
            ObjectNode record = records.addObject();
            record.set("record", item.record().toJson());
            record.put("jws", item.jws());
        }
        return JSON.writeValueAsString(body);
    }

    private HttpResponse<String> post(String body) {
        return post(operator, body);
    }

    private static HttpResponse<String> post(TestNode node, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url("/ledger/v1/records")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private NoteVerifier logKey() {
        String vkey = operator.get("/ledger/v1/log-key").body().strip();
        return NoteKey.parse(vkey).flatMap(key -> key.verifier(SUITE)).orElseThrow();
    }

    private Checkpoint checkpoint() {
        return Checkpoint.open(operator.get("/ledger/checkpoint").body(), List.of(logKey()), 1)
                .orElseThrow();
    }

    private Result<TileAuditor.AuditReport> audit() {
        return new TileAuditor(SUITE, new HttpTileSource(http, operator.baseUrl()))
                .auditLatest(List.of(logKey()), 1, (index, entry) -> {});
    }

    @Test
    void append_returnsAReceiptThatVerifiesOffline_andResubmittingIsIdempotent() {
        EvidenceRecord record = actor.record("dataset.listed", "urn:dataset:charging");
        JsonNode first = submit(actor.sign(record)).get(0);
        Receipt receipt = ReceiptJson.fromJson(first.path("receipt")).orElseThrow();
        assertThat(receipt.verify(record, SUITE, logKey()).isOk()).isTrue();

        JsonNode again = submit(actor.sign(record), actor.sign(record)).get(1);
        assertThat(again.path("receipt").path("leafIndex").asLong()).isEqualTo(receipt.leafIndex());
        assertThat(checkpoint().size()).isEqualTo(1);
    }

    private HttpResponse<String> submitOne(SignedEvidence evidence) {
        return post(body(evidence));
    }

    @Test
    void forgedSignature_isRefusedWith400_andNothingIsAppended() {
        EvidenceRecord record = actor.record("dataset.listed", "urn:dataset:x");
        HttpResponse<String> response = submitOne(actor.forge(record));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("does not verify");
        JsonNode inBatch = submit(actor.forge(record), actor.sign(actor.record("a.b", "urn:ok")))
                .get(0);
        assertThat(inBatch.path("status").asInt()).isEqualTo(400);
        assertThat(checkpoint().size()).isEqualTo(1);
    }

    @Test
    void signatureReplayedOnAnotherRecord_isRefused() {
        EvidenceRecord signed = actor.record("transfer.started", "urn:transfer:1");
        SignedEvidence original = actor.sign(signed);
        EvidenceRecord other = actor.record("transfer.started", "urn:transfer:2");
        assertThat(submitOne(new SignedEvidence(other, original.jws())).statusCode())
                .isEqualTo(400);
    }

    @Test
    void actorWhoseDidCannotBeResolved_isToldToRetry() {
        TestActor gone = new TestActor(SUITE);
        gone.close();
        assertThat(submitOne(gone.sign(gone.record("x.y", "urn:a"))).statusCode())
                .isEqualTo(503);
    }

    @Test
    void malformedSubmissions_getProblemDocuments() {
        for (String body : List.of("{}", "{\"records\": []}", "{\"records\": 7}", "not json")) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        String tooMany = "{\"records\": [" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
        assertThat(post(tooMany).statusCode()).isEqualTo(400);
        HttpResponse<String> bad = post("{\"records\": [{\"record\": {\"id\": \"x\"}, \"jws\": \"a.b.c\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("detail").asString()).isNotBlank();
    }

    @Test
    void checkpointAndTiles_areServedAndAuditable_andConsistencyProofsVerify() {
        submit(actor.sign(actor.record("a.b", "urn:one")));
        Checkpoint first = checkpoint();
        List<SignedEvidence> more = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            more.add(actor.sign(actor.record("a.b", "urn:n" + i)));
        }
        submit(more.toArray(SignedEvidence[]::new));
        Checkpoint second = checkpoint();
        assertThat(second.size()).isEqualTo(301);

        assertThat(audit().orElseThrow().entries()).isEqualTo(301);
        HttpResponse<String> tile = operator.get("/ledger/tile/0/000");
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(operator.get("/ledger/tile/0/002").statusCode()).isEqualTo(404);
        assertThat(operator.get("/ledger/tile/0/abc").statusCode()).isEqualTo(400);

        JsonNode body = JSON.readTree(
                operator.get("/ledger/v1/consistency?from=1&to=301").body());
        List<byte[]> hashes = new ArrayList<>();
        body.path("proof").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        assertThat(new MerkleVerifier(SUITE)
                        .verifyConsistency(new ConsistencyProof(1, 301, hashes), first.rootHash(), second.rootHash())
                        .isOk())
                .isTrue();
        assertThat(operator.get("/ledger/v1/consistency?from=5&to=999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void historyAndLineage_describeADerivedDataset() {
        submit(actor.sign(actor.record("dataset.listed", "urn:ds:raw")));
        submit(actor.sign(actor.record("transfer.completed", "urn:ds:raw", "urn:transfer:9")));
        submit(actor.sign(actor.record("dataset.derived", "urn:ds:clean", "urn:ds:raw")));
        JsonNode history = JSON.readTree(
                operator.get("/ledger/v1/subjects/urn:ds:raw/history").body());
        assertThat(history.path("records")).hasSize(3);
        JsonNode lineage = JSON.readTree(
                operator.get("/ledger/v1/subjects/urn:ds:clean/lineage").body());
        assertThat(lineage.path("@context").path("prov").asString()).isEqualTo("http://www.w3.org/ns/prov#");
        assertThat(lineage.toString()).contains("prov:wasDerivedFrom", "urn:ds:raw", "urn:transfer:9");
        assertThat(operator.get("/ledger/v1/subjects/urn:nothing/history").statusCode())
                .isEqualTo(404);
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = operator.bean(DataSource.class).getConnection();
                Statement update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    @Test
    void alteredEntry_isCaughtByTheAudit() throws Exception {
        submit(actor.sign(actor.record("a.b", "urn:one")), actor.sign(actor.record("a.b", "urn:two")));
        assertThat(audit().isOk()).isTrue();
        sql("UPDATE ledger_entry SET entry = replace(convert_from(entry, 'UTF8'), 'urn:two', 'urn:TWO')::bytea"
                + " WHERE idx = 1");
        Result<TileAuditor.AuditReport> audit = audit();
        assertThat(audit.isOk()).isFalse();
    }

    @Test
    void alteredCheckpoint_isCaughtByTheAuditAndTheLogAfterRestart() throws Exception {
        NoteVerifier key = logKey();
        submit(actor.sign(actor.record("a.b", "urn:one")));
        sql("UPDATE ledger_checkpoint SET note = replace(note, E'\\n1\\n', E'\\n2\\n')");
        operator.restart(); // the running log serves its checkpoint from memory; the stored one is read at start
        Result<TileAuditor.AuditReport> audit = new TileAuditor(SUITE, new HttpTileSource(http, operator.baseUrl()))
                .auditLatest(List.of(key), 1, (index, entry) -> {});
        assertThat(audit.isOk()).isFalse();
        HttpResponse<String> refused = submitOne(actor.sign(actor.record("a.b", "urn:two")));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("latest checkpoint");
    }

    @Test
    void alteredLeafHash_stopsAppendsAfterRestart_withTheReason() throws Exception {
        submit(actor.sign(actor.record("a.b", "urn:one")));
        sql("UPDATE ledger_entry SET leaf_hash = sha256('forged'::bytea) WHERE idx = 0");
        operator.restart();
        HttpResponse<String> refused = submitOne(actor.sign(actor.record("a.b", "urn:two")));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).path("detail").asString())
                .contains("integrity check failed", "entry 0");
        HttpResponse<String> health = operator.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("DOWN");
    }
}
