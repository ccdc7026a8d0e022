package io.trustspace.app.contract;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationRole;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements in force on this connector (table {@code contract_agreement}), either role, with both signatures and
 * the use counter that usage control increments exactly once per permitted access, even under concurrency.
 */
public final class Agreements {

    /** One agreement. {@code role} is ours in it. */
    public record Stored(
            String agreementId,
            String negotiationId,
            NegotiationRole role,
            String provider,
            String consumer,
            String datasetId,
            JsonNode agreement,
            String state,
            long uses,
            Instant concludedAt) {

        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "agreement_id, negotiation_id, role, provider, consumer, dataset_id,"
            + " agreement::text, state, uses, concluded_at";

    private final JdbcTransactions transactions;

    public Agreements(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    /** In the transaction that finalized {@code negotiation}. */
    public void concluded(ContractNegotiation negotiation) {
        put(
                negotiation.agreement().id(),
                negotiation.id(),
                negotiation.role(),
                negotiation.agreement().assigner(),
                negotiation.agreement().assignee(),
                negotiation.datasetId(),
                DspCodec.agreementJson(negotiation.agreement()),
                negotiation.providerSignature(),
                negotiation.consumerSignature(),
                negotiation.updatedAt());
    }

    public void put(
            String agreementId,
            String negotiationId,
            NegotiationRole role,
            String provider,
            String consumer,
            String datasetId,
            JsonNode agreement,
            String providerSignature,
            String consumerSignature,
            Instant at) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contract_agreement"
                    + " (agreement_id, negotiation_id, role, provider, consumer, dataset_id, agreement,"
                    + " provider_signature, consumer_signature, concluded_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?,"
                    + " ?) ON CONFLICT (agreement_id) DO NOTHING")) {
                insert.setString(1, agreementId);
                insert.setString(2, negotiationId);
                insert.setString(3, role.name());
                insert.setString(4, provider);
                insert.setString(5, consumer);
                insert.setString(6, datasetId);
                insert.setString(7, agreement.toString());
                insert.setString(8, providerSignature);
                insert.setString(9, consumerSignature);
                insert.setTimestamp(10, Timestamp.from(at));
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Stored> find(String agreementId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM contract_agreement WHERE agreement_id = ?")) {
                select.setString(1, agreementId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<Stored>empty();
                }
            }
        });
    }

    /**
     * Counts one use if the counter still reads {@code seen} and the agreement is active: the compare-and-set behind
     * exact use limits (the caller decided on {@code seen} prior uses and re-decides when this returns false).
     */
    public boolean useIf(String agreementId, long seen) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE contract_agreement SET uses = uses + 1"
                    + " WHERE agreement_id = ? AND state = 'ACTIVE' AND uses = ?")) {
                update.setString(1, agreementId);
                update.setLong(2, seen);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** ACTIVE, SUSPENDED or REVOKED; effective for the next access. False if there is no such agreement or it is revoked. */
    public boolean setState(String agreementId, String state) {
        // Revocation is final in the statement itself, so a concurrent reactivation cannot undo it.
        return transactions.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE contract_agreement SET state = ? WHERE agreement_id = ? AND state <> 'REVOKED'")) {
                update.setString(1, state);
                update.setString(2, agreementId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The newest agreements first, up to {@code limit}. */
    public java.util.List<Stored> all(int limit) {
        return transactions.withConnection(connection -> {
            java.util.List<Stored> all = new java.util.ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM contract_agreement ORDER BY concluded_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        all.add(read(rows));
                    }
                }
            }
            return all;
        });
    }

    private static Stored read(ResultSet row) throws java.sql.SQLException {
        return new Stored(
                row.getString(1),
                row.getString(2),
                NegotiationRole.valueOf(row.getString(3)),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                JSON.readTree(row.getString(7)),
                row.getString(8),
                row.getLong(9),
                row.getTimestamp(10).toInstant());
    }
}
