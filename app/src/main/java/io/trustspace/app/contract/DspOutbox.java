package io.trustspace.app.contract;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public void enqueue(String processId, String target, String audience, String type, JsonNode body, Instant at) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dsp_outbox (process_id, target,"
                    + " audience, message_type, body, not_before, created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
                insert.setString(1, processId);
                insert.setString(2, target);
                insert.setString(3, audience);
                insert.setString(4, type);
                insert.setString(5, body.toString());
                insert.setTimestamp(6, Timestamp.from(at));
                insert.setTimestamp(7, Timestamp.from(Instant.now()));
                return insert.executeUpdate();
            }
        });
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

    public void delivered(long id) {
        update("DELETE FROM dsp_outbox WHERE id = ?", id, null, null);
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
