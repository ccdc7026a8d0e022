package io.trustspace.ledger.jdbc;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.OutboxRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence outbox in PostgreSQL (tables {@code evidence_outbox}, {@code evidence_subject_head}). Claims use
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several replicas of a node can drain one outbox without
 * delivering a record twice at the same time, and a crashed appender's claims come due again.
 */
public final class JdbcEvidenceOutbox implements EvidenceOutbox {

    private final JdbcTransactions transactions;

    public JdbcEvidenceOutbox(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(SignedEvidence evidence, byte[] payload, Instant now) {
        EvidenceRecord record = evidence.record();
        transactions.withConnection(connection -> {
            // One statement for the record and its subjects' heads: evidence is written on every state change.
            try (PreparedStatement insert = connection.prepareStatement("WITH added AS (INSERT INTO evidence_outbox"
                    + " (record_id, type, subjects, entry, jws, created_at, state, next_attempt_at, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) RETURNING record_id, subjects)"
                    + " INSERT INTO evidence_subject_head (subject, record_id)"
                    + " SELECT DISTINCT unnest(added.subjects), added.record_id FROM added"
                    + " ON CONFLICT (subject) DO UPDATE SET record_id = EXCLUDED.record_id")) {
                insert.setString(1, record.id());
                insert.setString(2, record.type());
                insert.setArray(
                        3, connection.createArrayOf("text", record.subjects().toArray()));
                insert.setBytes(4, record.canonicalJson());
                insert.setString(5, evidence.jws());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setBytes(8, payload);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> head(String subject) {
        return transactions.withConnection(connection -> {
            // FOR UPDATE: two transactions recording about one subject queue up, so 'previous' forms a chain.
            Optional<String> head = lockedHead(connection, subject);
            if (head.isPresent()) {
                return head.filter(id -> !id.equals(UNCLAIMED));
            }
            // No head row to lock yet: claim the subject, so that a concurrent first record about it waits for this
            // one and chains to it instead of starting a second chain (its insert blocks until we commit).
            try (PreparedStatement claim = connection.prepareStatement(
                    "INSERT INTO evidence_subject_head (subject, record_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                claim.setString(1, subject);
                claim.setString(2, UNCLAIMED);
                claim.executeUpdate();
            }
            return lockedHead(connection, subject).filter(id -> !id.equals(UNCLAIMED));
        });
    }

    /** The head a subject's claim holds until its first record replaces it in the same transaction. */
    private static final String UNCLAIMED = "";

    private static Optional<String> lockedHead(Connection connection, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT record_id FROM evidence_subject_head WHERE subject = ? FOR UPDATE")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public List<OutboxRecord> claimDue(int max, Instant now, Instant leaseUntil) {
        return transactions.inTransaction(() -> transactions.withConnection(connection -> {
            List<OutboxRecord> claimed = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT record_id, entry, jws, attempts FROM evidence_outbox"
                            + " WHERE state = 'PENDING' AND next_attempt_at <= ?"
                            + " ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Result<EvidenceRecord> record = EvidenceRecord.fromCanonicalJson(rows.getBytes(2));
                        // Our own rows were validated when written; a row that no longer parses was altered.
                        claimed.add(new OutboxRecord(
                                new SignedEvidence(record.orElseThrow(), rows.getString(3)), rows.getInt(4)));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement lease = connection.prepareStatement(
                        "UPDATE evidence_outbox SET next_attempt_at = ?, attempts = attempts + 1"
                                + " WHERE record_id = ANY(?)")) {
                    lease.setTimestamp(1, Timestamp.from(leaseUntil));
                    lease.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    claimed.stream().map(r -> r.record().id()).toArray()));
                    lease.executeUpdate();
                }
            }
            return claimed;
        }));
    }

    @Override
    public void record(List<Delivery> deliveries, Instant now) {
        List<Delivery> appended =
                deliveries.stream().filter(d -> d.receipt() != null).toList();
        List<Delivery> failed =
                deliveries.stream().filter(d -> d.receipt() == null).toList();
        transactions.inTransaction(() -> transactions.withConnection(connection -> {
            if (!appended.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE evidence_outbox o SET state = 'APPENDED', leaf_index = d.idx, receipt = d.receipt,"
                                + " appended_at = ?, last_error = NULL"
                                + " FROM unnest(?::text[], ?::bigint[], ?::text[]) AS d(id, idx, receipt)"
                                + " WHERE o.record_id = d.id")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    appended.stream().map(Delivery::recordId).toArray()));
                    update.setArray(
                            3,
                            connection.createArrayOf(
                                    "bigint",
                                    appended.stream()
                                            .map(d -> d.receipt().leafIndex())
                                            .toArray()));
                    update.setArray(
                            4,
                            connection.createArrayOf(
                                    "text",
                                    appended.stream()
                                            .map(d -> ReceiptJson.format(d.receipt()))
                                            .toArray()));
                    update.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE evidence_outbox o SET next_attempt_at = d.retry, last_error = d.reason"
                                + " FROM unnest(?::text[], ?::timestamptz[], ?::text[]) AS d(id, retry, reason)"
                                + " WHERE o.record_id = d.id AND o.state = 'PENDING'")) {
                    update.setArray(
                            1,
                            connection.createArrayOf(
                                    "text",
                                    failed.stream().map(Delivery::recordId).toArray()));
                    update.setArray(
                            2,
                            connection.createArrayOf(
                                    "timestamptz",
                                    failed.stream()
                                            .map(d -> Timestamp.from(d.retryAt()))
                                            .toArray()));
                    update.setArray(
                            3,
                            connection.createArrayOf(
                                    "text",
                                    failed.stream()
                                            .map(d -> truncate(d.failure()))
                                            .toArray()));
                    update.executeUpdate();
                }
            }
            return null;
        }));
    }

    private static String truncate(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    @Override
    public Optional<KeptEvidence> find(String recordId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry, jws, payload, receipt FROM evidence_outbox WHERE record_id = ?")) {
                select.setString(1, recordId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<KeptEvidence>empty();
                    }
                    EvidenceRecord record =
                            EvidenceRecord.fromCanonicalJson(row.getBytes(1)).orElseThrow();
                    String receipt = row.getString(4);
                    return Optional.of(new KeptEvidence(
                            new SignedEvidence(record, row.getString(2)),
                            Optional.ofNullable(row.getBytes(3)),
                            receipt == null
                                    ? Optional.empty()
                                    : Optional.of(ReceiptJson.parse(receipt).orElseThrow())));
                }
            }
        });
    }

    @Override
    public Optional<Receipt> receipt(String recordId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT receipt FROM evidence_outbox WHERE record_id = ?")) {
                select.setString(1, recordId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || row.getString(1) == null) {
                        return Optional.<Receipt>empty();
                    }
                    return Optional.of(ReceiptJson.parse(row.getString(1)).orElseThrow());
                }
            }
        });
    }

    @Override
    public long pending() {
        return transactions.withConnection(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*) FROM evidence_outbox WHERE state = 'PENDING'");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
