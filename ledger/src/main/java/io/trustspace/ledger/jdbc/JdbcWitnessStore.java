package io.trustspace.ledger.jdbc;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.witness.CosignedCheckpoint;
import io.trustspace.ledger.witness.WitnessStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A witness's state in PostgreSQL (table {@code witness_log_state}, one row per log origin). Each write is a single
 * statement, atomic on its own: insert-if-absent is {@code INSERT … ON CONFLICT (origin) DO NOTHING} and
 * compare-and-set is {@code UPDATE … WHERE origin = ? AND size = ? AND root_hash = ?}, which PostgreSQL re-checks
 * against the newest row version after waiting for a concurrent writer, so of two racing requests exactly one
 * matches. Neither needs an enclosing transaction; inside one, the write commits with it. Thread-safe.
 */
public final class JdbcWitnessStore implements WitnessStore {

    private final JdbcTransactions transactions;

    public JdbcWitnessStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<CosignedCheckpoint> latest(String origin) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT size, root_hash, checkpoint FROM witness_log_state WHERE origin = ?")) {
                select.setString(1, origin);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new CosignedCheckpoint(row.getLong(1), row.getBytes(2), row.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean insertIfAbsent(String origin, CosignedCheckpoint first, Instant now) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO witness_log_state (origin, size, root_hash, checkpoint, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin) DO NOTHING")) {
                insert.setString(1, origin);
                insert.setLong(2, first.size());
                insert.setBytes(3, first.rootHash());
                insert.setString(4, first.signedNote());
                insert.setTimestamp(5, Timestamp.from(now));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean compareAndSet(String origin, CosignedCheckpoint expected, CosignedCheckpoint next, Instant now) {
        WitnessStore.requireForward(expected, next);
        return transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE witness_log_state SET size = ?, root_hash = ?, checkpoint = ?, updated_at = ?"
                            + " WHERE origin = ? AND size = ? AND root_hash = ?")) {
                update.setLong(1, next.size());
                update.setBytes(2, next.rootHash());
                update.setString(3, next.signedNote());
                update.setTimestamp(4, Timestamp.from(now));
                update.setString(5, origin);
                update.setLong(6, expected.size());
                update.setBytes(7, expected.rootHash());
                return update.executeUpdate() == 1;
            }
        });
    }
}
