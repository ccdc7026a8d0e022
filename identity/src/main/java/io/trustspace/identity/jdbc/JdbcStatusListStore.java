package io.trustspace.identity.jdbc;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.identity.credential.BitstringStatusList;
import io.trustspace.identity.credential.StatusListPosition;
import io.trustspace.identity.credential.StatusListStore;
import io.trustspace.identity.credential.StatusPurpose;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Status lists in PostgreSQL (tables {@code status_list}, {@code status_list_entry}). Positions are drawn at random
 * within the current list (so an index reveals nothing about issuance order) and never reused: the entry row is the
 * allocation, inserted once. Revocation and suspension bits survive restarts, which an in-memory store cannot give.
 */
public final class JdbcStatusListStore implements StatusListStore {

    /** Random probes before falling back to the first free index of the list. */
    private static final int PROBES = 32;

    private final JdbcTransactions transactions;
    private final RandomGenerator random;
    private final int entriesPerList;

    public JdbcStatusListStore(JdbcTransactions transactions, RandomGenerator random) {
        this(transactions, random, BitstringStatusList.MIN_ENTRIES);
    }

    public JdbcStatusListStore(JdbcTransactions transactions, RandomGenerator random, int entriesPerList) {
        BitstringStatusList.empty(entriesPerList); // validates the size
        this.transactions = transactions;
        this.random = random;
        this.entriesPerList = entriesPerList;
    }

    @Override
    public StatusListPosition allocate() {
        return transactions.inTransaction(() -> transactions.withConnection(connection -> {
            // One allocator at a time per database: the advisory lock serialises list rollover.
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(7400101)")) {
                lock.execute();
            }
            String listId = null;
            int used = 0;
            try (PreparedStatement current =
                            connection.prepareStatement("SELECT l.list_id, count(e.idx) FROM status_list l"
                                    + " LEFT JOIN status_list_entry e ON e.list_id = l.list_id"
                                    + " GROUP BY l.list_id, l.created_seq ORDER BY l.created_seq DESC LIMIT 1");
                    ResultSet row = current.executeQuery()) {
                if (row.next()) {
                    listId = row.getString(1);
                    used = row.getInt(2);
                }
            }
            if (listId == null || used >= entriesPerList) {
                try (PreparedStatement create =
                        connection.prepareStatement("INSERT INTO status_list (list_id, entries) VALUES ("
                                + "(SELECT (count(*) + 1)::text FROM status_list), ?) RETURNING list_id")) {
                    create.setInt(1, entriesPerList);
                    try (ResultSet created = create.executeQuery()) {
                        created.next();
                        listId = created.getString(1);
                    }
                }
            }
            try (PreparedStatement claim = connection.prepareStatement(
                    "INSERT INTO status_list_entry (list_id, idx) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (int probe = 0; probe < PROBES; probe++) {
                    int index = random.nextInt(entriesPerList);
                    claim.setString(1, listId);
                    claim.setInt(2, index);
                    if (claim.executeUpdate() == 1) {
                        return new StatusListPosition(listId, index);
                    }
                }
            }
            try (PreparedStatement firstFree = connection.prepareStatement(
                    "INSERT INTO status_list_entry (list_id, idx) SELECT ?, g FROM generate_series(0, ? - 1) g"
                            + " WHERE NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.list_id = ? AND e.idx = g)"
                            + " ORDER BY g LIMIT 1 RETURNING idx")) {
                firstFree.setString(1, listId);
                firstFree.setInt(2, entriesPerList);
                firstFree.setString(3, listId);
                try (ResultSet row = firstFree.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("status list " + listId + " is full");
                    }
                    return new StatusListPosition(listId, row.getInt(1));
                }
            }
        }));
    }

    @Override
    public void set(StatusListPosition position, StatusPurpose purpose, boolean value) {
        int updated = transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE status_list_entry SET " + column(purpose) + " = ? WHERE list_id = ? AND idx = ?")) {
                update.setBoolean(1, value);
                update.setString(2, position.listId());
                update.setInt(3, position.index());
                return update.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalArgumentException("status list position " + position + " was never allocated");
        }
    }

    @Override
    public boolean isSet(StatusListPosition position, StatusPurpose purpose) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + column(purpose) + " FROM status_list_entry WHERE list_id = ? AND idx = ?")) {
                select.setString(1, position.listId());
                select.setInt(2, position.index());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("status list position " + position + " was never allocated");
                    }
                    return row.getBoolean(1);
                }
            }
        });
    }

    @Override
    public Optional<BitstringStatusList> list(String listId, StatusPurpose purpose) {
        return transactions.withConnection(connection -> {
            int entries;
            try (PreparedStatement list =
                    connection.prepareStatement("SELECT entries FROM status_list WHERE list_id = ?")) {
                list.setString(1, listId);
                try (ResultSet row = list.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<BitstringStatusList>empty();
                    }
                    entries = row.getInt(1);
                }
            }
            BitstringStatusList bits = BitstringStatusList.empty(entries);
            try (PreparedStatement set = connection.prepareStatement("SELECT idx FROM status_list_entry"
                    + " WHERE list_id = ? AND " + column(purpose) + " ORDER BY idx")) {
                set.setString(1, listId);
                try (ResultSet rows = set.executeQuery()) {
                    while (rows.next()) {
                        bits = bits.with(rows.getInt(1), true);
                    }
                }
            }
            return Optional.of(bits);
        });
    }

    @Override
    public List<String> listIds() {
        return transactions.withConnection(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT list_id FROM status_list ORDER BY created_seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** Column names come from the enum, never from input. */
    private static String column(StatusPurpose purpose) {
        return switch (purpose) {
            case REVOCATION -> "revoked";
            case SUSPENSION -> "suspended";
        };
    }
}
