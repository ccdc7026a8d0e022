package io.trustspace.identity.jdbc;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.common.json.CanonicalJson;
import io.trustspace.identity.participant.Participant;
import io.trustspace.identity.participant.ParticipantId;
import io.trustspace.identity.participant.ParticipantRepository;
import io.trustspace.identity.participant.ParticipantState;
import io.trustspace.identity.participant.Transition;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.VerificationMethod;
import io.trustspace.identity.verification.VerificationOutcome;
import io.trustspace.identity.verification.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Participants in PostgreSQL (tables {@code participant}, {@code participant_verification},
 * {@code participant_transition}; migration {@code V4__identity.sql}).
 *
 * <p>An insert is {@code INSERT … ON CONFLICT DO NOTHING}, so a duplicate id, code or ID-number hash is a CONFLICT
 * without aborting the caller's transaction. An update is {@code UPDATE … WHERE id = ? AND version = ?}, which
 * PostgreSQL re-checks against the newest row after waiting for a concurrent writer, so of two racing saves of one
 * version exactly one matches; the row lock it takes then makes appending the new history rows safe. Each save runs
 * in the caller's transaction, or in one of its own outside any.
 *
 * <p>{@code payload} is the registration's JSON ({@link RegistrationDetails#toJson()}); it holds no plain resident
 * ID number because {@link RegistrationDetails} has none. Thread-safe.
 */
public final class JdbcParticipantRepository implements ParticipantRepository {

    private static final String COLUMNS = "id, state, version, payload::text";

    private final JdbcTransactions transactions;

    public JdbcParticipantRepository(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Result<Participant> save(Participant participant) {
        return transactions.inTransaction(() -> transactions.withConnection(connection ->
                participant.version() == 0 ? insert(connection, participant) : update(connection, participant)));
    }

    private Result<Participant> insert(Connection connection, Participant participant) throws SQLException {
        int inserted;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO participant (id, kind, state, version, legal_name, uscc, id_hash, id_masked, payload,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, participant.id().value());
            insert.setString(2, participant.kind().name());
            insert.setString(3, participant.state().name());
            insert.setString(4, participant.legalName());
            setNullable(insert, 5, participant.uscc().map(UnifiedSocialCreditCode::value));
            setNullable(insert, 6, participant.idHash());
            setNullable(insert, 7, participant.idMasked());
            insert.setString(8, json(participant.details()));
            insert.setTimestamp(9, Timestamp.from(participant.createdAt()));
            insert.setTimestamp(10, Timestamp.from(participant.updatedAt()));
            inserted = insert.executeUpdate();
        }
        if (inserted == 0) {
            return Result.conflict(whyNotInserted(connection, participant));
        }
        appendHistory(connection, participant, 0, 0);
        return Result.ok(participant.withVersion(1));
    }

    private Result<Participant> update(Connection connection, Participant participant) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE participant SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")) {
            update.setString(1, participant.state().name());
            update.setTimestamp(2, Timestamp.from(participant.updatedAt()));
            update.setString(3, participant.id().value());
            update.setLong(4, participant.version());
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            Optional<Long> stored = storedVersion(connection, participant.id());
            return stored.isEmpty()
                    ? Result.notFound("no participant " + participant.id())
                    : Result.conflict("participant " + participant.id() + " was changed concurrently: stored version "
                            + stored.get() + ", saved from version " + participant.version());
        }
        appendHistory(
                connection,
                participant,
                count(connection, "participant_verification", participant.id()),
                count(connection, "participant_transition", participant.id()));
        return Result.ok(participant.withVersion(participant.version() + 1));
    }

    /** Inserts the verification results and transitions from the given positions on (histories only grow). */
    private static void appendHistory(
            Connection connection, Participant participant, int storedVerifications, int storedTransitions)
            throws SQLException {
        List<VerificationResult> verifications = participant.verifications();
        if (storedVerifications > verifications.size()
                || storedTransitions > participant.transitions().size()) {
            throw new IllegalStateException("participant " + participant.id() + " has less history than is stored");
        }
        if (storedVerifications < verifications.size()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO participant_verification (participant_id, seq, method, outcome, level, details,"
                            + " checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = storedVerifications; seq < verifications.size(); seq++) {
                    VerificationResult result = verifications.get(seq);
                    insert.setString(1, participant.id().value());
                    insert.setInt(2, seq);
                    insert.setString(3, result.method().name());
                    insert.setString(4, result.outcome().name());
                    insert.setString(5, result.level().name());
                    insert.setString(6, result.details());
                    insert.setTimestamp(7, Timestamp.from(result.checkedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        List<Transition> transitions = participant.transitions();
        if (storedTransitions < transitions.size()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO participant_transition (participant_id, seq, from_state, to_state, reviewer, reason, at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = storedTransitions; seq < transitions.size(); seq++) {
                    Transition transition = transitions.get(seq);
                    insert.setString(1, participant.id().value());
                    insert.setInt(2, seq);
                    setNullable(
                            insert, 3, Optional.ofNullable(transition.from()).map(Enum::name));
                    insert.setString(4, transition.to().name());
                    insert.setString(5, transition.actor());
                    insert.setString(6, transition.reason());
                    insert.setTimestamp(7, Timestamp.from(transition.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @Override
    public Optional<Participant> findById(ParticipantId id) {
        return findOne("id = ?", id.value());
    }

    @Override
    public Optional<Participant> findByUscc(UnifiedSocialCreditCode uscc) {
        return findOne("uscc = ?", uscc.value());
    }

    @Override
    public Optional<Participant> findByIdHash(String idHash) {
        return findOne("id_hash = ?", idHash);
    }

    @Override
    public List<Participant> findByState(ParticipantState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.withConnection(connection -> {
            List<Participant> participants = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM participant WHERE state = ? ORDER BY updated_at, id LIMIT ?")) {
                select.setString(1, state.name());
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        participants.add(read(connection, rows));
                    }
                }
            }
            return participants;
        });
    }

    @Override
    public long countByState(ParticipantState state) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT count(*) FROM participant WHERE state = ?")) {
                select.setString(1, state.name());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private Optional<Participant> findOne(String condition, String value) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM participant WHERE " + condition)) {
                select.setString(1, value);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(connection, row)) : Optional.<Participant>empty();
                }
            }
        });
    }

    private static Participant read(Connection connection, ResultSet row) throws SQLException {
        ParticipantId id = new ParticipantId(row.getString(1));
        // Our own rows were validated when written; a payload that no longer parses was altered.
        RegistrationDetails details = CanonicalJson.parse(row.getString(4).getBytes(StandardCharsets.UTF_8))
                .flatMap(RegistrationDetails::fromJson)
                .orElseThrow();
        return new Participant(
                id,
                details,
                ParticipantState.valueOf(row.getString(2)),
                row.getLong(3),
                verifications(connection, id),
                transitions(connection, id));
    }

    private static List<VerificationResult> verifications(Connection connection, ParticipantId id) throws SQLException {
        List<VerificationResult> results = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT method, outcome, level, details, checked_at FROM participant_verification"
                        + " WHERE participant_id = ? ORDER BY seq")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(new VerificationResult(
                            VerificationMethod.valueOf(rows.getString(1)),
                            VerificationOutcome.valueOf(rows.getString(2)),
                            AssuranceLevel.valueOf(rows.getString(3)),
                            rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
        }
        return results;
    }

    private static List<Transition> transitions(Connection connection, ParticipantId id) throws SQLException {
        List<Transition> transitions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT from_state, to_state, reviewer, reason, at FROM participant_transition"
                        + " WHERE participant_id = ? ORDER BY seq")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String from = rows.getString(1);
                    transitions.add(new Transition(
                            from == null ? null : ParticipantState.valueOf(from),
                            ParticipantState.valueOf(rows.getString(2)),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
        }
        return transitions;
    }

    private static String whyNotInserted(Connection connection, Participant participant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id = ?, uscc IS NOT DISTINCT FROM ? AND uscc IS NOT NULL FROM participant"
                        + " WHERE id = ? OR uscc = ? OR id_hash = ? LIMIT 1")) {
            String uscc = participant.uscc().map(UnifiedSocialCreditCode::value).orElse(null);
            select.setString(1, participant.id().value());
            select.setString(2, uscc);
            select.setString(3, participant.id().value());
            select.setString(4, uscc);
            select.setString(5, participant.idHash().orElse(null));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // The clashing row was removed in between; still a conflict for this insert.
                    return "participant " + participant.id() + " clashes with a concurrent registration";
                }
                if (row.getBoolean(1)) {
                    return "participant " + participant.id() + " already exists";
                }
                if (row.getBoolean(2)) {
                    return "a participant with unified social credit code " + uscc + " is already registered";
                }
                return "a participant with this resident ID number is already registered";
            }
        }
    }

    private static Optional<Long> storedVersion(Connection connection, ParticipantId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM participant WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int count(Connection connection, String table, ParticipantId id) throws SQLException {
        // The table name is one of two constants of this class, never input.
        try (PreparedStatement select =
                connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE participant_id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String json(RegistrationDetails details) {
        return new String(CanonicalJson.canonicalize(details.toJson()).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
