package io.trustspace.ledger.jdbc;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.witness.WitnessAlerts;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Witness alerts kept in PostgreSQL (table {@code witness_alert}), for operators and auditors to read and for
 * whatever notifies people to poll. Every alert is kept, repeats included: a repeat says the log (or someone
 * replaying its checkpoints) keeps trying. Thread-safe.
 *
 * <p>A database failure throws, as the {@link WitnessAlerts} contract allows; the witness then logs the evidence.
 */
public final class JdbcWitnessAlerts implements WitnessAlerts {

    private final JdbcTransactions transactions;
    private final Clock clock;

    public JdbcWitnessAlerts(JdbcTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void raise(String origin, String reason, String evidence) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO witness_alert (origin, reason, evidence, raised_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, origin);
                insert.setString(2, reason);
                insert.setString(3, evidence);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        });
    }
}
