package io.trustspace.app.identity;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Connector DIDs of participants and the credentials issued to them (tables of V6). */
public final class JdbcParticipantCredentials {

    /** A credential as issued: its JWT and where its status lives. */
    public record Stored(
            String credentialId, String participantId, String jwt, String listId, int index, Instant validUntil) {}

    private final JdbcTransactions transactions;

    public JdbcParticipantCredentials(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    public void setDid(String participantId, String did) {
        transactions.withConnection(connection -> {
            try (PreparedStatement upsert =
                    connection.prepareStatement("INSERT INTO participant_connector (participant_id, did) VALUES (?, ?)"
                            + " ON CONFLICT (participant_id) DO UPDATE SET did = EXCLUDED.did")) {
                upsert.setString(1, participantId);
                upsert.setString(2, did);
                return upsert.executeUpdate();
            }
        });
    }

    public Optional<String> did(String participantId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT did FROM participant_connector WHERE participant_id = ?")) {
                select.setString(1, participantId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Whether a membership credential was ever issued to a participant with connector DID {@code did}, whatever its
     * state now: its node may still deliver evidence it signed while it was a member.
     */
    public boolean everCredentialed(String did) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM participant_connector c"
                            + " JOIN participant_credential p ON p.participant_id = c.participant_id WHERE c.did = ? LIMIT 1")) {
                select.setString(1, did);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    public void add(Stored credential, Instant issuedAt) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO participant_credential (credential_id, participant_id, jwt, list_id, idx, valid_until,"
                            + " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, credential.credentialId());
                insert.setString(2, credential.participantId());
                insert.setString(3, credential.jwt());
                insert.setString(4, credential.listId());
                insert.setInt(5, credential.index());
                insert.setTimestamp(6, Timestamp.from(credential.validUntil()));
                insert.setTimestamp(7, Timestamp.from(issuedAt));
                return insert.executeUpdate();
            }
        });
    }

    /** The newest credential of a participant. */
    public Optional<Stored> latest(String participantId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT credential_id, participant_id, jwt, list_id, idx, valid_until FROM participant_credential"
                            + " WHERE participant_id = ? ORDER BY issued_at DESC LIMIT 1")) {
                select.setString(1, participantId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Stored(
                                    row.getString(1),
                                    row.getString(2),
                                    row.getString(3),
                                    row.getString(4),
                                    row.getInt(5),
                                    row.getTimestamp(6).toInstant()))
                            : Optional.<Stored>empty();
                }
            }
        });
    }
}
