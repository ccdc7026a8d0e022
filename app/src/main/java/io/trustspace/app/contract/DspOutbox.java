package io.trustspace.app.contract;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing DSP messages (table {@code dsp_outbox}). {@link #enqueue} joins the caller's transaction, so a message
 * exists exactly when the state change that causes it committed. {@link #claim} leases due messages — only the
 * oldest pending one of each process, so a process's messages go out in order — and a lease that is not settled
 * (the node died while sending) simply expires and the message is sent again; receivers treat repeats as no-ops.
 */
public final class DspOutbox {

    /** A message to deliver. */
    public record Pending(
            long id, String processId, String target, String audience, String type, JsonNode body, int attempts) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTransactions transactions;

    public DspOutbox(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Adds a message to the caller's transaction. A message due now for a process with nothing else pending is
     * returned already leased (for {@code lease}) to the caller, who sends it straight after the commit: the happy
     * path never waits for {@link #claim}. Anything else — due later, or queued behind an older message of its
     * process — is left to {@link #claim}, which keeps each process's messages in order.
     */
    public Optional<Pending> enqueue(
            String processId,
            String target,
            String audience,
            String type,
            JsonNode body,
            Instant at,
            Instant now,
            Duration lease) {
        return transactions.withConnection(connection -> {
            // One statement on the hot path: the row is leased to us (attempts = 1) exactly when it is due now and
            // nothing else of its process is pending.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dsp_outbox (process_id, target,"
                    + " audience, message_type, body, not_before, attempts, created_at)"
                    + " SELECT ?, ?, ?, ?, ?::jsonb, CASE WHEN direct THEN ?::timestamptz ELSE ?::timestamptz END,"
                    + " CASE WHEN direct THEN 1 ELSE 0 END, ?::timestamptz"
                    + " FROM (SELECT ?::boolean AND NOT EXISTS (SELECT 1 FROM dsp_outbox"
                    + " WHERE process_id = ? AND NOT failed) AS direct) decided"
                    + " RETURNING id, attempts")) {
                insert.setString(1, processId);
                insert.setString(2, target);
                insert.setString(3, audience);
                insert.setString(4, type);
                insert.setString(5, body.toString());
                insert.setTimestamp(6, Timestamp.from(now.plus(lease)));
                insert.setTimestamp(7, Timestamp.from(at));
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setBoolean(9, !at.isAfter(now));
                insert.setString(10, processId);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getInt(2) == 1
                            ? Optional.of(new Pending(row.getLong(1), processId, target, audience, type, body, 0))
                            : Optional.<Pending>empty();
                }
            }
        });
    }

    /** Runs {@code action} once the caller's transaction committed (at once outside one). */
    public void afterCommit(Runnable action) {
        transactions.afterCommit(action);
    }

    /** Leases up to {@code limit} due messages for {@code lease}; each process contributes at most its oldest. */
    public List<Pending> claim(int limit, Instant now, Duration lease) {
        return transactions.inTransaction(() -> transactions.withConnection(connection -> {
            List<Pending> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT o.id, o.process_id, o.target,"
                    + " o.audience, o.message_type, o.body::text, o.attempts FROM dsp_outbox o WHERE NOT o.failed"
                    + " AND o.not_before <= ? AND o.id = (SELECT min(p.id) FROM dsp_outbox p"
                    + " WHERE p.process_id = o.process_id AND NOT p.failed) ORDER BY o.not_before, o.id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Pending(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                JSON.readTree(rows.getString(6)),
                                rows.getInt(7)));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement leasing = connection.prepareStatement(
                        "UPDATE dsp_outbox SET not_before = ?, attempts = attempts + 1 WHERE id = ?")) {
                    for (Pending pending : claimed) {
                        leasing.setTimestamp(1, Timestamp.from(now.plus(lease)));
                        leasing.setLong(2, pending.id());
                        leasing.addBatch();
                    }
                    leasing.executeBatch();
                }
            }
            return claimed;
        }));
    }

    /** Makes every pending message that is leased or backing off due at {@code now}; how many there were. */
    public int releaseLeases(Instant now) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dsp_outbox SET not_before = ? WHERE NOT failed AND not_before > ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setTimestamp(2, Timestamp.from(now));
                return update.executeUpdate();
            }
        });
    }

    /**
     * Removes a delivered message; true if its process has more messages waiting behind it. One statement, so one
     * snapshot: a successor that commits while it runs is not seen here, which is why a successor queued behind a
     * message in flight also wakes the loop itself after its commit ({@link DspDispatcher#enqueue}). Only a commit
     * inside this statement's few microseconds, met by a claim in the same instant, is left to the idle tick.
     */
    public boolean delivered(long id) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("WITH gone AS (DELETE FROM dsp_outbox"
                    + " WHERE id = ? RETURNING process_id) SELECT EXISTS (SELECT 1 FROM dsp_outbox o JOIN gone"
                    + " ON o.process_id = gone.process_id WHERE o.id <> ? AND NOT o.failed)")) {
                delete.setLong(1, id);
                delete.setLong(2, id);
                try (ResultSet row = delete.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    public void retryAt(long id, Instant at, String error) {
        update("UPDATE dsp_outbox SET not_before = ?, last_error = ? WHERE id = ?", id, at, error);
    }

    public void failed(long id, String error) {
        update("UPDATE dsp_outbox SET failed = TRUE, last_error = ? WHERE id = ?", id, null, error);
    }

    /** Pending (not failed) messages: what a restart still has to send. */
    public long pending() {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT count(*) FROM dsp_outbox WHERE NOT failed");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private void update(String sql, long id, Instant at, String error) {
        transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                if (at != null) {
                    update.setTimestamp(index++, Timestamp.from(at));
                }
                if (error != null) {
                    update.setString(index++, error.length() > 2000 ? error.substring(0, 2000) : error);
                }
                update.setLong(index, id);
                return update.executeUpdate();
            }
        });
    }
}
