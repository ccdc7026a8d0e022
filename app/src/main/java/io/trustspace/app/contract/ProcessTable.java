package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table of DSP processes in PostgreSQL ({@code contract_negotiation} or {@code transfer_process}, migration
 * {@code V8__contracts.sql}), the storage behind {@link JdbcNegotiationRepository} and
 * {@link JdbcTransferProcessRepository}.
 *
 * <p>A process is one row: the columns it is looked up by (role, both pids, counterparty, state, the dataset or
 * agreement, last change) plus the whole aggregate as JSON, which is what is read back. The table's unique key on
 * (role, counterparty, counterparty pid) refuses a second process for the same counterparty pid.
 *
 * <p>An insert is {@code INSERT … ON CONFLICT DO NOTHING}, so a taken id or counterparty pid is a CONFLICT without
 * aborting the caller's transaction; the table then looks up which one it was for the reason. An update is
 * {@code UPDATE … WHERE id = ? AND version = ?}, which PostgreSQL re-checks against the newest row after waiting for
 * a concurrent writer, so of two racing saves of one version exactly one matches. An update can claim a counterparty
 * pid (a consumer learning the provider's), and {@code UPDATE} has no {@code ON CONFLICT}: it runs under a savepoint,
 * and a unique violation rolls back to it and is a CONFLICT, the caller's transaction intact. Each save runs in the
 * caller's transaction, or in one of its own outside any. Thread-safe.
 */
final class ProcessTable<P> {

    /** What of a process goes into its row's columns. */
    record Row(
            String id,
            String role,
            String providerPid,
            String consumerPid,
            String counterPartyId,
            String counterPartyPid,
            String state,
            String subject,
            long version,
            Instant createdAt,
            Instant updatedAt,
            JsonNode body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions transactions;
    private final String table;
    private final String subjectColumn;
    private final String noun;
    private final Function<P, Row> row;
    private final BiFunction<P, Long, P> withVersion;
    private final Function<JsonNode, Result<P>> read;

    /**
     * @param subjectColumn the column naming what the process is about ({@code dataset_id}, {@code agreement_id})
     * @param noun how reasons name a process ("negotiation", "transfer")
     */
    ProcessTable(
            JdbcTransactions transactions,
            String table,
            String subjectColumn,
            String noun,
            Function<P, Row> row,
            BiFunction<P, Long, P> withVersion,
            Function<JsonNode, Result<P>> read) {
        this.transactions = transactions;
        this.table = table;
        this.subjectColumn = subjectColumn;
        this.noun = noun;
        this.row = row;
        this.withVersion = withVersion;
        this.read = read;
    }

    Result<P> save(P process) {
        return transactions.inTransaction(() -> transactions.withConnection(connection ->
                row.apply(process).version() == 0 ? insert(connection, process) : update(connection, process)));
    }

    private Result<P> insert(Connection connection, P process) throws SQLException {
        P saved = withVersion.apply(process, 1L);
        Row r = row.apply(saved);
        int inserted;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, role,"
                + " provider_pid, consumer_pid, counter_party_id, state, " + subjectColumn + ", version, body,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, r.id());
            insert.setString(2, r.role());
            setNullable(insert, 3, r.providerPid());
            insert.setString(4, r.consumerPid());
            insert.setString(5, r.counterPartyId());
            insert.setString(6, r.state());
            insert.setString(7, r.subject());
            insert.setLong(8, r.version());
            insert.setString(9, r.body().toString());
            insert.setObject(10, timestamp(r.createdAt()));
            insert.setObject(11, timestamp(r.updatedAt()));
            inserted = insert.executeUpdate();
        }
        if (inserted == 0) {
            return storedVersion(connection, r.id()).isPresent()
                    ? Result.conflict(noun + " " + r.id() + " already exists")
                    : counterPartyPidTaken(connection, r);
        }
        return Result.ok(saved);
    }

    private Result<P> update(Connection connection, P process) throws SQLException {
        long from = row.apply(process).version();
        P saved = withVersion.apply(process, from + 1);
        Row r = row.apply(saved);
        // Nearly every update keeps the row's unique key (role, counterparty, counterparty pid) as stored, and then
        // cannot violate it: one statement, no savepoint. Otherwise (a consumer learning the provider's pid, or a
        // stale version) the guarded update below decides.
        if (executeUpdate(connection, r, from, true) == 1) {
            return Result.ok(saved);
        }
        int updated;
        Savepoint savepoint = connection.setSavepoint();
        try {
            updated = executeUpdate(connection, r, from, false);
        } catch (SQLException e) {
            // Keep the caller's transaction usable whatever went wrong; only a taken counterparty pid is expected.
            connection.rollback(savepoint);
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return counterPartyPidTaken(connection, r);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        if (updated == 0) {
            Optional<Long> stored = storedVersion(connection, r.id());
            return stored.isEmpty()
                    ? Result.notFound("no " + noun + " " + r.id())
                    : Result.conflict(noun + " " + r.id() + " was changed concurrently: stored version " + stored.get()
                            + ", saved from version " + from);
        }
        return Result.ok(saved);
    }

    static String updateSql(String table, String subjectColumn, boolean sameKey) {
        return "UPDATE " + table
                + " SET role = ?, provider_pid = ?, consumer_pid = ?, counter_party_id = ?, state = ?, "
                + subjectColumn + " = ?, version = ?, body = ?::jsonb, created_at = ?, updated_at = ?"
                + " WHERE id = ? AND version = ?"
                // As one row comparison the key check cannot be an index condition, so the row is found by id.
                // Written as three conditions, the planner (without statistics yet) used the counterparty index and
                // read every process with that counterparty on every save.
                + (sameKey ? " AND (role, counter_party_id, counter_party_pid) IS NOT DISTINCT FROM (?, ?, ?)" : "");
    }

    /** {@code UPDATE … WHERE id = ? AND version = ?}, and with {@code sameKey} only if the unique key is unchanged. */
    private int executeUpdate(Connection connection, Row r, long from, boolean sameKey) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(updateSql(table, subjectColumn, sameKey))) {
            update.setString(1, r.role());
            setNullable(update, 2, r.providerPid());
            update.setString(3, r.consumerPid());
            update.setString(4, r.counterPartyId());
            update.setString(5, r.state());
            update.setString(6, r.subject());
            update.setLong(7, r.version());
            update.setString(8, r.body().toString());
            update.setObject(9, timestamp(r.createdAt()));
            update.setObject(10, timestamp(r.updatedAt()));
            update.setString(11, r.id());
            update.setLong(12, from);
            if (sameKey) {
                update.setString(13, r.role());
                update.setString(14, r.counterPartyId());
                setNullable(update, 15, r.counterPartyPid());
            }
            return update.executeUpdate();
        }
    }

    /** The CONFLICT for a save refused by the unique key on the counterparty pid, naming the holder if still there. */
    private Result<P> counterPartyPidTaken(Connection connection, Row r) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table
                + " WHERE role = ? AND counter_party_id = ? AND counter_party_pid = ? AND id <> ?")) {
            select.setString(1, r.role());
            select.setString(2, r.counterPartyId());
            select.setString(3, r.counterPartyPid());
            select.setString(4, r.id());
            try (ResultSet found = select.executeQuery()) {
                String holder = found.next() ? noun + " " + found.getString(1) : "another " + noun;
                return Result.conflict(
                        holder + " with " + r.counterPartyId() + " already has their pid " + r.counterPartyPid());
            }
        }
    }

    private Optional<Long> storedVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? Optional.of(found.getLong(1)) : Optional.empty();
            }
        }
    }

    Optional<P> findById(String id) {
        List<P> found = findMany("id = ?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Reads and row-locks the process for the rest of the caller's transaction (one statement). */
    Optional<P> lockById(String id) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, body::text FROM " + table + " WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row.getLong(1), row.getString(2))) : Optional.<P>empty();
                }
            }
        });
    }

    List<P> findByProviderPid(String providerPid) {
        return findMany("provider_pid = ? ORDER BY created_at, id", Integer.MAX_VALUE, providerPid);
    }

    List<P> findByConsumerPid(String consumerPid) {
        return findMany("consumer_pid = ? ORDER BY created_at, id", Integer.MAX_VALUE, consumerPid);
    }

    List<P> findByState(String state, int limit) {
        return findMany("state = ? ORDER BY updated_at, id", limit, state);
    }

    private List<P> findMany(String condition, int limit, String value) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.withConnection(connection -> {
            List<P> processes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, body::text FROM " + table + " WHERE " + condition + " LIMIT ?")) {
                select.setString(1, value);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        processes.add(read(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            return processes;
        });
    }

    private P read(long version, String body) {
        // Our own rows were validated when written; anything that no longer reads was altered behind our back.
        Result<P> parsed = read.apply(JSON.readTree(body));
        if (!(parsed instanceof Result.Ok<P> ok)) {
            throw new IllegalStateException(
                    "a stored " + noun + " does not read: " + ((Result.Failure<?>) parsed).reason());
        }
        Row r = row.apply(ok.value());
        if (r.version() != version) {
            throw new IllegalStateException(
                    noun + " " + r.id() + " is stored at version " + version + " but its body says " + r.version());
        }
        return ok.value();
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
