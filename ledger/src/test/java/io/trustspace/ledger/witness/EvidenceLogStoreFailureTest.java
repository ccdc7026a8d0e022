package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.WitnessTest.CLOCK;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The operator's log when its database goes away and comes back: appends stop, then resume without a restart. */
class EvidenceLogStoreFailureTest {

    @Test
    void aStoreThatStopsAnsweringAndComesBack_takesAppendsAgain() throws Exception {
        SuiteNoteSigner signer = SuiteNoteSigner.create(ORIGIN, INTL.generateSigningKeyPair(), INTL);
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        try (EvidenceLog log = new EvidenceLog(
                store,
                INTL,
                signer,
                NoteKey.parse(signer.key().toVerifierKey())
                        .orElseThrow()
                        .verifier(INTL)
                        .orElseThrow(),
                ORIGIN,
                Result::ok,
                CLOCK)) {
            log.start();
            assertThat(append(log, "ev-1").isOk()).isTrue();
            // An append fails, and so does the reload after it: the database is down for a while.
            store.failNextAppend();
            store.failNextLoads(1);

            assertThat(append(log, "ev-2").isOk()).isFalse();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (log.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10); // the failed append is answered before the reload runs
            }
            assertThat(log.failure()).hasValueSatisfying(why -> assertThat(why).startsWith("store unavailable"));

            Result<Receipt> later = Result.unavailable("not tried");
            while (!later.isOk() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                later = append(log, "ev-3");
            }
            assertThat(later.isOk()).as("appends resumed: %s", later).isTrue();
            assertThat(log.failure()).isEmpty();
            assertThat(log.size()).isEqualTo(2); // ev-1 and ev-3; the failed batch left nothing behind
        }
    }

    private static Result<Receipt> append(EvidenceLog log, String id) throws Exception {
        return log.submitVerified(EvidenceLogWitnessingTest.evidence(id)).get(10, TimeUnit.SECONDS);
    }
}
