package io.trustspace.app.keys;

import io.trustspace.common.jdbc.DataAccessException;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.SignatureAlgorithm;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's keys of one purpose in PostgreSQL (tables {@code key_store} and {@code node_key}). Rotation retires the
 * active key and inserts the new one in one transaction (the caller's, if it has one, so that the evidence of the
 * rotation commits with it); the partial unique index keeps at most one active key per purpose even when two
 * processes rotate at once (the loser gets {@link KeyStoreException}).
 */
public final class JdbcNodeKeyStore {

    private final JdbcTransactions transactions;
    private final KeyPurpose purpose;

    public JdbcNodeKeyStore(JdbcTransactions transactions, KeyPurpose purpose) {
        this.transactions = transactions;
        this.purpose = purpose;
    }

    public KeyPurpose purpose() {
        return purpose;
    }

    /** The sealing parameters and check value written when the store was created, if it was. */
    public Optional<StoreHeader> header() {
        return sql("cannot read the key store header", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT suite, kdf, check_value FROM key_store WHERE id = 1");
                    ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoreHeader(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.<StoreHeader>empty();
            }
        });
    }

    /** Creates the header once; returns the header that won if another process created it first. */
    public StoreHeader createHeader(StoreHeader header, Instant now) {
        sql("cannot create the key store header", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO key_store (id, suite, kdf, check_value, created_at) VALUES (1, ?, ?, ?, ?)"
                            + " ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, header.suite());
                insert.setString(2, header.kdf());
                insert.setString(3, header.checkValue());
                insert.setTimestamp(4, Timestamp.from(now));
                return insert.executeUpdate();
            }
        });
        return header().orElseThrow();
    }

    public List<StoredKey> all() {
        return sql("cannot read node keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kid, algorithm, public_key_pem, sealed_private, status, created_at, retired_at"
                            + " FROM node_key WHERE purpose = ? ORDER BY created_at, kid")) {
                select.setString(1, purpose.label());
                return read(select);
            }
        });
    }

    private static List<StoredKey> read(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<StoredKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new StoredKey(
                        rows.getString(1),
                        SignatureAlgorithm.valueOf(rows.getString(2)),
                        rows.getString(3),
                        rows.getString(4),
                        StoredKey.KeyStatus.valueOf(rows.getString(5)),
                        rows.getTimestamp(6).toInstant(),
                        rows.getTimestamp(7) == null
                                ? null
                                : rows.getTimestamp(7).toInstant()));
            }
            return keys;
        }
    }

    public Optional<StoredKey> active() {
        return all().stream()
                .filter(key -> key.status() == StoredKey.KeyStatus.ACTIVE)
                .findFirst();
    }

    /** Retires the current active key (if any) and makes {@code next} active, atomically. */
    public void activate(StoredKey next, Instant now) {
        try {
            transactions.inTransaction(() -> transactions.withConnection(connection -> {
                try (PreparedStatement retire = connection.prepareStatement(
                                "UPDATE node_key SET status = 'RETIRED', retired_at = ? WHERE status = 'ACTIVE'"
                                        + " AND purpose = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO node_key (kid, purpose, algorithm, public_key_pem, sealed_private,"
                                        + " status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)")) {
                    retire.setTimestamp(1, Timestamp.from(now));
                    retire.setString(2, purpose.label());
                    retire.executeUpdate();
                    insert.setString(1, next.kid());
                    insert.setString(2, purpose.label());
                    insert.setString(3, next.algorithm().name());
                    insert.setString(4, next.publicKeyPem());
                    insert.setString(5, next.sealedPrivate());
                    insert.setTimestamp(6, Timestamp.from(now));
                    return insert.executeUpdate();
                }
            }));
        } catch (DataAccessException e) {
            throw new KeyStoreException("cannot activate key " + next.kid() + ": " + e.getMessage(), e);
        }
    }

    private <T> T sql(String failure, JdbcTransactions.SqlWork<T> work) {
        try {
            return transactions.withConnection(work);
        } catch (DataAccessException e) {
            throw new KeyStoreException(failure + ": " + e.getMessage(), e);
        }
    }

    /** How the store seals private keys, and a sealed known value that tells a wrong passphrase early. */
    public record StoreHeader(String suite, String kdf, String checkValue) {}
}
