package io.trustspace.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.jdbc.JdbcEvidenceOutbox;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.ledger.testing.FakeEvidenceSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provenance chains in PostgreSQL: each record links to the previous record about its primary subject, and writing
 * a record moves the head of every subject it names, in the same transaction as the change it records.
 */
class EvidenceChainIT {

    private static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static JdbcTransactions transactions;
    private static JdbcEvidenceOutbox outbox;
    private static EvidenceRecorder recorder;

    @BeforeAll
    static void migrate() {
        transactions = database.transactions();
        outbox = new JdbcEvidenceOutbox(transactions);
        recorder = new EvidenceRecorder(
                transactions,
                outbox,
                new FakeEvidenceSigner(),
                CryptoSuites.of(SuiteId.INTL),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString(),
                () -> {});
    }

    @Test
    void everySubjectOfARecord_getsItAsItsHead_andTheNextRecordLinksToIt() {
        String negotiation = "urn:negotiation:" + UUID.randomUUID();
        String agreement = "urn:agreement:" + UUID.randomUUID();

        EvidenceRecord first = record(List.of(negotiation, agreement));
        EvidenceRecord aboutTheAgreement = record(List.of(agreement));
        EvidenceRecord aboutTheNegotiation = record(List.of(negotiation));
        EvidenceRecord again = record(List.of(negotiation, agreement));

        assertThat(first.previous()).isNull();
        assertThat(aboutTheAgreement.previous()).isEqualTo(first.id());
        assertThat(aboutTheNegotiation.previous()).isEqualTo(first.id());
        assertThat(again.previous()).isEqualTo(aboutTheNegotiation.id());
        assertThat(transactions.inTransaction(() -> outbox.head(agreement))).contains(again.id());
    }

    @Test
    void theOutboxKeepsWhatARecordAttests_soItsDigestCanBeCheckedLater() {
        String subject = "urn:transfer:" + UUID.randomUUID();
        byte[] payload = "{\"bytes\":1073741824,\"digest\":\"INTL:ab\"}".getBytes(StandardCharsets.UTF_8);
        EvidenceRecord written =
                transactions.inTransaction(() -> recorder.record("transfer.delivered", List.of(subject), payload));

        var kept = outbox.find(written.id()).orElseThrow();

        assertThat(kept.evidence().record()).isEqualTo(written);
        assertThat(kept.payload()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(payload));
        assertThat(recorder.digest(kept.payload().orElseThrow())).isEqualTo(written.payloadDigest());
        assertThat(kept.receipt()).isEmpty();
        assertThat(outbox.find("urn:uuid:" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRolledBackChange_leavesNoRecord_andTheHeadsWhereTheyWere() {
        String subject = "urn:transfer:" + UUID.randomUUID();
        EvidenceRecord kept = record(List.of(subject));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    recorder.record("transfer.started", List.of(subject), PAYLOAD);
                    throw new IllegalStateException("the state change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(transactions.inTransaction(() -> outbox.head(subject))).contains(kept.id());
        assertThat(record(List.of(subject)).previous()).isEqualTo(kept.id());
    }

    @Test
    void twoFirstRecordsAboutANewSubjectAtOnce_formOneChain() throws Exception {
        String subject = "urn:transfer:" + UUID.randomUUID();
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<EvidenceRecord> first = threads.submit(() -> transactions.inTransaction(() -> {
                EvidenceRecord record = recorder.record("transfer.requested", List.of(subject), PAYLOAD);
                recorded.countDown();
                await(commit);
                return record;
            }));
            assertThat(recorded.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            // The second one starts while the first is recorded but not committed, then waits for it.
            java.util.concurrent.Future<EvidenceRecord> second = threads.submit(() -> record(List.of(subject)));
            Thread.sleep(300);
            commit.countDown();

            EvidenceRecord one = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
            EvidenceRecord two = second.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(one.previous()).isNull();
            assertThat(two.previous()).isEqualTo(one.id());
            assertThat(transactions.inTransaction(() -> outbox.head(subject))).contains(two.id());
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EvidenceRecord record(List<String> subjects) {
        return transactions.inTransaction(() -> recorder.record("negotiation.changed", subjects, PAYLOAD));
    }
}
