package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.transfer.TransferJson;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferProcessRepository;
import io.trustspace.contract.transfer.TransferState;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfer processes in PostgreSQL (table {@code transfer_process}, migration {@code V8__contracts.sql}).
 *
 * <p>A transfer process is one row: the columns it is looked up by (role, both pids, counterparty, state, last change)
 * plus the whole aggregate as {@link TransferJson}, which is what is read back. The table's unique key on
 * (role, counterparty, counterparty pid) refuses a second transfer for the same counterparty pid. The body holds
 * the data address, whose endpoint properties are often credentials.
 *
 * <p>An insert is {@code INSERT … ON CONFLICT DO NOTHING}, so a taken id or counterparty pid is a CONFLICT without
 * aborting the caller's transaction; the repository then looks up which one it was for the reason. An update is
 * {@code UPDATE … WHERE id = ? AND version = ?}, which PostgreSQL re-checks against the newest row after waiting for
 * a concurrent writer, so of two racing saves of one version exactly one matches. An update can claim a counterparty
 * pid (a consumer learning the provider's), and {@code UPDATE} has no {@code ON CONFLICT}: it runs under a savepoint,
 * and a unique violation rolls back to it and is a CONFLICT, the caller's transaction intact. Each save runs in the
 * caller's transaction, or in one of its own outside any. Thread-safe.
 */
public final class JdbcTransferProcessRepository implements TransferProcessRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions transactions;

    public JdbcTransferProcessRepository(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Result<TransferProcess> save(TransferProcess transfer) {
        return transactions.inTransaction(() -> transactions.withConnection(
                connection -> transfer.version() == 0 ? insert(connection, transfer) : update(connection, transfer)));
    }

    private static Result<TransferProcess> insert(Connection connection, TransferProcess transfer) throws SQLException {
        TransferProcess saved = transfer.withVersion(1);
        int inserted;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transfer_process (id, role,"
                + " provider_pid, consumer_pid, counter_party_id, state, agreement_id, version, body, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, saved.id());
            insert.setString(2, saved.role().name());
            setNullable(insert, 3, saved.providerPid());
            insert.setString(4, saved.consumerPid());
            insert.setString(5, saved.counterPartyId());
            insert.setString(6, saved.state().name());
            insert.setString(7, saved.agreementId());
            insert.setLong(8, saved.version());
            insert.setString(9, TransferJson.write(saved).toString());
            insert.setObject(10, timestamp(saved.createdAt()));
            insert.setObject(11, timestamp(saved.updatedAt()));
            inserted = insert.executeUpdate();
        }
        if (inserted == 0) {
            return storedVersion(connection, transfer.id()).isPresent()
                    ? Result.conflict("transfer " + transfer.id() + " already exists")
                    : counterPartyPidTaken(connection, transfer);
        }
        return Result.ok(saved);
    }

    private static Result<TransferProcess> update(Connection connection, TransferProcess transfer) throws SQLException {
        TransferProcess saved = transfer.withVersion(transfer.version() + 1);
        int updated;
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement update = connection.prepareStatement("UPDATE transfer_process SET role = ?,"
                + " provider_pid = ?, consumer_pid = ?, counter_party_id = ?, state = ?, agreement_id = ?, version = ?,"
                + " body = ?::jsonb, created_at = ?, updated_at = ? WHERE id = ? AND version = ?")) {
            update.setString(1, saved.role().name());
            setNullable(update, 2, saved.providerPid());
            update.setString(3, saved.consumerPid());
            update.setString(4, saved.counterPartyId());
            update.setString(5, saved.state().name());
            update.setString(6, saved.agreementId());
            update.setLong(7, saved.version());
            update.setString(8, TransferJson.write(saved).toString());
            update.setObject(9, timestamp(saved.createdAt()));
            update.setObject(10, timestamp(saved.updatedAt()));
            update.setString(11, saved.id());
            update.setLong(12, transfer.version());
            updated = update.executeUpdate();
        } catch (SQLException e) {
            // Keep the caller's transaction usable whatever went wrong; only a taken counterparty pid is expected.
            connection.rollback(savepoint);
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return counterPartyPidTaken(connection, transfer);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        if (updated == 0) {
            Optional<Long> stored = storedVersion(connection, transfer.id());
            return stored.isEmpty()
                    ? Result.notFound("no transfer process " + transfer.id())
                    : Result.conflict("transfer " + transfer.id() + " was changed concurrently: stored version "
                            + stored.get() + ", saved from version " + transfer.version());
        }
        return Result.ok(saved);
    }

    /** The CONFLICT for a save refused by the unique key on the counterparty pid, naming the holder if still there. */
    private static Result<TransferProcess> counterPartyPidTaken(Connection connection, TransferProcess transfer)
            throws SQLException {
        String theirPid = transfer.counterPartyPid();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM transfer_process"
                + " WHERE role = ? AND counter_party_id = ? AND counter_party_pid = ? AND id <> ?")) {
            select.setString(1, transfer.role().name());
            select.setString(2, transfer.counterPartyId());
            select.setString(3, theirPid);
            select.setString(4, transfer.id());
            try (ResultSet row = select.executeQuery()) {
                String holder = row.next() ? "transfer " + row.getString(1) : "another transfer";
                return Result.conflict(
                        holder + " with " + transfer.counterPartyId() + " already has their pid " + theirPid);
            }
        }
    }

    private static Optional<Long> storedVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT version FROM transfer_process WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<TransferProcess> findById(String id) {
        List<TransferProcess> found = findMany("id = ?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<TransferProcess> findByProviderPid(String providerPid) {
        return findMany("provider_pid = ? ORDER BY created_at, id", Integer.MAX_VALUE, providerPid);
    }

    @Override
    public List<TransferProcess> findByConsumerPid(String consumerPid) {
        return findMany("consumer_pid = ? ORDER BY created_at, id", Integer.MAX_VALUE, consumerPid);
    }

    @Override
    public List<TransferProcess> findByState(TransferState state, int limit) {
        return findMany("state = ? ORDER BY updated_at, id", limit, state.name());
    }

    private List<TransferProcess> findMany(String condition, int limit, String value) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.withConnection(connection -> {
            List<TransferProcess> transfers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, body::text FROM transfer_process WHERE " + condition + " LIMIT ?")) {
                select.setString(1, value);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        transfers.add(read(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            return transfers;
        });
    }

    private static TransferProcess read(long version, String body) {
        // Our own rows were validated when written; anything that no longer reads was altered behind our back.
        Result<TransferProcess> read = TransferJson.read(JSON.readTree(body));
        if (!(read instanceof Result.Ok<TransferProcess> ok)) {
            throw new IllegalStateException(
                    "a stored transfer process does not read: " + ((Result.Failure<?>) read).reason());
        }
        if (ok.value().version() != version) {
            throw new IllegalStateException("transfer " + ok.value().id() + " is stored at version " + version
                    + " but its body says " + ok.value().version());
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
