package io.trustspace.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.keys.KeyRotation;
import io.trustspace.app.ledger.HttpLedgerClient;
import io.trustspace.app.testing.TestNode;
import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A connector's evidence waits in its outbox while the ledger is unreachable (saying why), survives a restart,
 * and is delivered exactly once when the ledger is back; delivering it again yields the same index.
 */
class EvidenceOutboxIT {

    @Test
    void evidence_waitsForTheLedger_survivesRestart_andIsAppendedOnce() throws Exception {
        // The connector is not admitted here; the test is about delivery, so the ledger takes any verified actor.
        try (TestNode operator = TestNode.start(
                        NodeRole.OPERATOR, "outbox-op", "intl", Map.of("trustspace.ledger.open-to-any-actor", "true"));
                TestNode connector = TestNode.start(
                        "outbox-conn",
                        "intl",
                        Map.of("trustspace.ledger.url", "http://127.0.0.1:" + TestNode.freePort()))) {
            EvidenceRecord record = connector.bean(KeyRotation.class).rotate().evidence();
            String lastError =
                    awaitValue(connector, "SELECT last_error FROM evidence_outbox WHERE record_id = ?", record.id());
            assertThat(lastError).startsWith("UNAVAILABLE: ledger unreachable");

            connector.restart(Map.of("trustspace.ledger.url", operator.baseUrl()));
            EvidenceOutbox outbox = connector.bean(EvidenceOutbox.class);
            Receipt receipt = awaitReceipt(outbox, record.id());

            EvidenceLog log = operator.bean(EvidenceLog.class);
            assertThat(log.size()).isEqualTo(1);
            String jws = awaitValue(connector, "SELECT jws FROM evidence_outbox WHERE record_id = ?", record.id());
            List<Result<Receipt>> again = new HttpLedgerClient(HttpClient.newHttpClient(), operator.baseUrl())
                    .append(List.of(new SignedEvidence(record, jws)));
            assertThat(again.get(0).orElseThrow().leafIndex()).isEqualTo(receipt.leafIndex());
            assertThat(log.size()).isEqualTo(1);
        }
    }

    private static Receipt awaitReceipt(EvidenceOutbox outbox, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<Receipt> receipt = outbox.receipt(id);
        while (receipt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            receipt = outbox.receipt(id);
        }
        return receipt.orElseThrow(() -> new AssertionError("no receipt for " + id + " within 20 s"));
    }

    private static String awaitValue(TestNode node, String sql, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = node.bean(DataSource.class).getConnection();
                    PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getString(1) != null) {
                        return row.getString(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no value for " + sql + " within 20 s");
    }
}
