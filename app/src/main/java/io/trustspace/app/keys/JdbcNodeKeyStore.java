package io.trustspace.app.keys;

import io.trustspace.crypto.SignatureAlgorithm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The node's keys in PostgreSQL (tables {@code key_store} and {@code node_key}). Rotation retires the active key and
 * inserts the new one in one transaction; the partial unique index keeps at most one active key even when two
 * processes rotate at once (the loser gets {@link KeyStoreException}).
 */
public final class JdbcNodeKeyStore {

    private final DataSource dataSource;

    public JdbcNodeKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sealing parameters and check value written when the store was created, if it was. */
    public Optional<StoreHeader> header() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT suite, kdf, check_value FROM key_store WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next()
                    ? Optional.of(new StoreHeader(row.getString(1), row.getString(2), row.getString(3)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new KeyStoreException("cannot read the key store header", e);
        }
    }

    /** Creates the header once; returns the header that won if another process created it first. */
    public StoreHeader createHeader(StoreHeader header, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO key_store (id, suite, kdf, check_value, created_at) VALUES (1, ?, ?, ?, ?)"
                                + " ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, header.suite());
            insert.setString(2, header.kdf());
            insert.setString(3, header.checkValue());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new KeyStoreException("cannot create the key store header", e);
        }
        return header().orElseThrow();
    }

    public List<StoredKey> all() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT kid, algorithm, public_key_pem, sealed_private, status, created_at, retired_at"
                                + " FROM node_key ORDER BY created_at, kid");
                ResultSet rows = select.executeQuery()) {
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
        } catch (SQLException e) {
            throw new KeyStoreException("cannot read node keys", e);
        }
    }

    public Optional<StoredKey> active() {
        return all().stream()
                .filter(key -> key.status() == StoredKey.KeyStatus.ACTIVE)
                .findFirst();
    }

    /** Retires the current active key (if any) and makes {@code next} active, atomically. */
    public void activate(StoredKey next, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement retire = connection.prepareStatement(
                            "UPDATE node_key SET status = 'RETIRED', retired_at = ? WHERE status = 'ACTIVE'"
                                    + " AND purpose = 'signing'");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO node_key (kid, purpose, algorithm, public_key_pem, sealed_private, status,"
                                    + " created_at) VALUES (?, 'signing', ?, ?, ?, 'ACTIVE', ?)")) {
                retire.setTimestamp(1, Timestamp.from(now));
                retire.executeUpdate();
                insert.setString(1, next.kid());
                insert.setString(2, next.algorithm().name());
                insert.setString(3, next.publicKeyPem());
                insert.setString(4, next.sealedPrivate());
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new KeyStoreException("cannot activate key " + next.kid() + ": " + e.getMessage(), e);
        }
    }

    /** How the store seals private keys, and a sealed known value that tells a wrong passphrase early. */
    public record StoreHeader(String suite, String kdf, String checkValue) {}
}
