package io.trustspace.ledger.jdbc;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.log.LogEntry;
import io.trustspace.ledger.log.StoredCheckpoint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence log in PostgreSQL (tables {@code ledger_entry}, {@code ledger_subject}, {@code ledger_checkpoint}).
 * A batch is written with one multi-row insert per table (arrays unnested server-side) inside one transaction, which
 * is what makes group commit cheap: one fsync per batch, not per record.
 */
public final class JdbcLedgerStore implements LedgerStore {

    private static final int LOAD_FETCH_SIZE = 10_000;

    private final JdbcTransactions transactions;

    public JdbcLedgerStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void forEachEntry(EntryVisitor visitor) {
        transactions.inTransaction(() -> transactions.withConnection(connection -> {
            // A cursor (fetch size inside a transaction) streams a million entries in constant memory.
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT idx, entry, leaf_hash FROM ledger_entry ORDER BY idx")) {
                select.setFetchSize(LOAD_FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visitor.visit(rows.getLong(1), rows.getBytes(2), rows.getBytes(3));
                    }
                }
            }
            return null;
        }));
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return queryCheckpoint(
                "SELECT size, root_hash, note, issued_at FROM ledger_checkpoint ORDER BY size DESC LIMIT 1", -1);
    }

    @Override
    public Optional<StoredCheckpoint> checkpoint(long size) {
        return queryCheckpoint("SELECT size, root_hash, note, issued_at FROM ledger_checkpoint WHERE size = ?", size);
    }

    private Optional<StoredCheckpoint> queryCheckpoint(String sql, long size) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (size >= 0) {
                    select.setLong(1, size);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new StoredCheckpoint(
                                    row.getLong(1),
                                    row.getBytes(2),
                                    row.getString(3),
                                    row.getTimestamp(4).toInstant()))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void append(List<LogEntry> entries, StoredCheckpoint checkpoint) {
        transactions.inTransaction(() -> transactions.withConnection(connection -> {
            insertEntries(connection, entries);
            insertSubjects(connection, entries);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ledger_checkpoint (size, root_hash, note, issued_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, checkpoint.size());
                insert.setBytes(2, checkpoint.rootHash());
                insert.setString(3, checkpoint.note());
                insert.setTimestamp(4, Timestamp.from(checkpoint.issuedAt()));
                insert.executeUpdate();
            }
            return null;
        }));
    }

    private static void insertEntries(Connection connection, List<LogEntry> entries) throws SQLException {
        int n = entries.size();
        Long[] indices = new Long[n];
        String[] ids = new String[n];
        byte[][] bodies = new byte[n][];
        byte[][] leafHashes = new byte[n][];
        String[] signatures = new String[n];
        Timestamp[] times = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            LogEntry entry = entries.get(i);
            indices[i] = entry.index();
            ids[i] = entry.recordId();
            bodies[i] = entry.entry();
            leafHashes[i] = entry.leafHash();
            signatures[i] = entry.jws();
            times[i] = Timestamp.from(entry.appendedAt());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_entry (idx, record_id, entry, leaf_hash, jws, appended_at)"
                        + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::bytea[], ?::bytea[], ?::text[],"
                        + " ?::timestamptz[])")) {
            insert.setArray(1, connection.createArrayOf("bigint", indices));
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("bytea", bodies));
            insert.setArray(4, connection.createArrayOf("bytea", leafHashes));
            insert.setArray(5, connection.createArrayOf("text", signatures));
            insert.setArray(6, connection.createArrayOf("timestamptz", times));
            insert.executeUpdate();
        }
    }

    private static void insertSubjects(Connection connection, List<LogEntry> entries) throws SQLException {
        List<String> subjects = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        for (LogEntry entry : entries) {
            for (String subject : entry.subjects()) {
                subjects.add(subject);
                indices.add(entry.index());
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_subject (subject, idx) SELECT * FROM unnest(?::text[], ?::bigint[])")) {
            insert.setArray(1, connection.createArrayOf("text", subjects.toArray()));
            insert.setArray(2, connection.createArrayOf("bigint", indices.toArray()));
            insert.executeUpdate();
        }
    }

    @Override
    public void updateCheckpointNote(long size, String note) {
        transactions.withConnection(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ledger_checkpoint SET note = ? WHERE size = ?")) {
                update.setString(1, note);
                update.setLong(2, size);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, Long> indicesOf(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return new HashMap<>();
        }
        return transactions.withConnection(connection -> {
            Map<String, Long> found = new HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT record_id, idx FROM ledger_entry WHERE record_id = ANY(?)")) {
                Array ids = connection.createArrayOf("text", recordIds.toArray());
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Optional<LogEntry> entry(long index) {
        List<LogEntry> found = select("WHERE e.idx = ?", index, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<byte[]> entries(long from, int count) {
        return transactions.withConnection(connection -> {
            List<byte[]> bodies = new ArrayList<>(count);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry FROM ledger_entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
                select.setLong(1, from);
                select.setLong(2, from + count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bodies.add(rows.getBytes(1));
                    }
                }
            }
            return bodies;
        });
    }

    @Override
    public List<LogEntry> bySubject(String subject, int limit) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT e.idx, e.record_id, e.entry, e.leaf_hash, e.jws, e.appended_at"
                            + " FROM ledger_subject s JOIN ledger_entry e ON e.idx = s.idx"
                            + " WHERE s.subject = ? ORDER BY e.idx LIMIT ?")) {
                select.setString(1, subject);
                select.setInt(2, limit);
                return read(select);
            }
        });
    }

    private List<LogEntry> select(String where, long index, int limit) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e.idx, e.record_id, e.entry, e.leaf_hash, e.jws, e.appended_at FROM ledger_entry e " + where
                            + " LIMIT " + limit)) {
                select.setLong(1, index);
                return read(select);
            }
        });
    }

    private static List<LogEntry> read(PreparedStatement select) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new LogEntry(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getBytes(3),
                        rows.getBytes(4),
                        rows.getString(5),
                        List.of(),
                        rows.getTimestamp(6).toInstant()));
            }
        }
        return entries;
    }
}
