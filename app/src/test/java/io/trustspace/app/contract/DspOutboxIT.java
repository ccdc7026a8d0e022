package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's two paths against PostgreSQL: a message that can go at once is handed to its sender after the commit
 * (and only then), already leased so the loop leaves it alone unless the sender dies; everything else waits for the
 * loop in its process's order.
 */
class DspOutboxIT {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final JsonNode BODY =
            JsonMapper.builder().build().readTree("{\"@type\":\"ContractRequestMessage\"}");

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private JdbcTransactions transactions;
    private DspOutbox outbox;

    @BeforeEach
    void empty() throws SQLException {
        database.execute("DELETE FROM dsp_outbox");
        transactions = database.transactions();
        outbox = new DspOutbox(transactions);
    }

    @Test
    void aMessageDueNow_isHandedOverAfterTheCommit_andTheLoopTakesItOnlyWhenItsLeaseRunsOut() {
        List<String> handedOver = new ArrayList<>();
        Optional<DspOutbox.Pending> direct = transactions.inTransaction(() -> {
            Optional<DspOutbox.Pending> leased = enqueue("p1", NOW);
            leased.ifPresent(message -> outbox.afterCommit(() -> handedOver.add(message.processId())));
            assertThat(handedOver).as("not before the commit").isEmpty();
            return leased;
        });

        assertThat(direct)
                .hasValueSatisfying(message -> assertThat(message.attempts()).isZero());
        assertThat(handedOver).containsExactly("p1");
        assertThat(outbox.claim(10, NOW, LEASE)).as("leased to the sender").isEmpty();
        List<DspOutbox.Pending> afterLease = outbox.claim(10, NOW.plus(LEASE).plusSeconds(1), LEASE);
        assertThat(afterLease).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(direct.orElseThrow().id());
            assertThat(message.attempts()).as("the direct send counted").isEqualTo(1);
        });
    }

    @Test
    void aRestart_releasesTheLeases_soWhatWasInFlightGoesAtOnce_stillInProcessOrder() {
        transactions.inTransaction(() -> enqueue("p1", NOW)).orElseThrow();
        transactions.inTransaction(() -> enqueue("p1", NOW));
        Instant restart = NOW.plusSeconds(2);
        assertThat(outbox.claim(10, restart, LEASE)).as("still leased").isEmpty();

        assertThat(outbox.releaseLeases(restart)).isEqualTo(1);

        assertThat(outbox.claim(10, restart, LEASE))
                .singleElement()
                .satisfies(message -> assertThat(message.attempts()).isEqualTo(1));
    }

    @Test
    void aMessageBehindAnotherOfItsProcess_waitsForIt_inOrder() {
        DspOutbox.Pending first =
                transactions.inTransaction(() -> enqueue("p1", NOW)).orElseThrow();
        Optional<DspOutbox.Pending> second = transactions.inTransaction(() -> enqueue("p1", NOW));
        Optional<DspOutbox.Pending> otherProcess = transactions.inTransaction(() -> enqueue("p2", NOW));

        assertThat(second).as("queued behind the first").isEmpty();
        assertThat(otherProcess).as("another process is not held up").isPresent();
        assertThat(outbox.claim(10, NOW, LEASE))
                .as("the first is still in flight")
                .isEmpty();

        assertThat(outbox.delivered(first.id())).as("p1 has more waiting").isTrue();
        assertThat(outbox.claim(10, NOW, LEASE))
                .singleElement()
                .satisfies(message -> assertThat(message.processId()).isEqualTo("p1"));
        assertThat(outbox.delivered(otherProcess.orElseThrow().id()))
                .as("nothing behind p2")
                .isFalse();
    }

    @Test
    void aDelayedMessage_isLeftToTheLoop_untilItIsDue() {
        Instant later = NOW.plusMillis(500);
        assertThat(transactions.inTransaction(() -> enqueue("p1", later))).isEmpty();

        assertThat(outbox.claim(10, NOW, LEASE)).isEmpty();
        assertThat(outbox.claim(10, later, LEASE)).hasSize(1);
    }

    @Test
    void aRolledBackChange_leavesNoMessage_andHandsNothingOver() {
        List<String> handedOver = new ArrayList<>();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    enqueue("p1", NOW).ifPresent(message -> outbox.afterCommit(() -> handedOver.add("p1")));
                    throw new IllegalStateException("the state change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(handedOver).isEmpty();
        assertThat(outbox.pending()).isZero();
        assertThat(transactions.inTransaction(() -> enqueue("p1", NOW)))
                .as("nothing left that would hold the next one back")
                .isPresent();
    }

    private Optional<DspOutbox.Pending> enqueue(String processId, Instant at) {
        return outbox.enqueue(
                processId,
                "http://127.0.0.1:1/dsp/negotiations/request",
                "did:web:127.0.0.1%3A1",
                "ContractRequestMessage",
                BODY,
                at,
                NOW,
                LEASE);
    }
}
