package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferRole;
import io.trustspace.contract.transfer.TransferState;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.policy.Action;
import io.trustspace.policy.CompiledPolicy;
import io.trustspace.policy.Decision;
import io.trustspace.policy.EvaluationContext;
import io.trustspace.policy.PolicyCompiler;
import io.trustspace.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * 使用控制 on every data access, not only at negotiation: the transfer must be STARTED (a suspension or termination
 * stops the next request), the agreement in force (suspension, revocation), and its policy must permit this use —
 * time window, elapsed time since the agreement, the number of uses so far, the purpose declared with the request,
 * the consumer's country. A permitted use is counted with a compare-and-set on the agreement's counter, re-deciding
 * on a lost race, so under any concurrency exactly the allowed number of accesses succeed. Every decision, allow or
 * deny, is evidenced with its reasons in the same transaction as the count.
 */
public final class UsageControl {

    /** A permitted access: the use number it was counted as, and what it was decided on (purpose, claims). */
    public record Permit(
            TransferProcess transfer,
            Agreements.Stored agreement,
            long useNumber,
            String purpose,
            ConsumerClaims claims) {
        /** The start of every evidence payload about what this use sent: which transfer, agreement and use. */
        public Map<String, Object> evidenceOfUse() {
            Map<String, Object> use = new LinkedHashMap<>();
            use.put("transfer", transfer.id());
            use.put("agreement", agreement.agreementId());
            use.put("use", useNumber);
            return use;
        }
    }

    static final int MAX_RACES = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transfers transfers;
    private final Agreements agreements;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Map<String, CompiledPolicy> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    public UsageControl(
            Transfers transfers,
            Agreements agreements,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            Clock clock) {
        this.transfers = transfers;
        this.agreements = agreements;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Decides (and counts, and evidences) one access to transfer {@code transferId} for {@code purpose}. */
    public Result<Permit> access(String transferId, String purpose) {
        return access(transferId, purpose, false);
    }

    /**
     * The one use a whole transfer is (a push): counted on the first call, and on later calls — the same push starting
     * over after a restart — the same use again, provided it still holds ({@link #revoked}); nothing counted twice.
     */
    public Result<Permit> accessOnce(String transferId, String purpose) {
        Optional<Long> counted = transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT use_number FROM transfer_use WHERE transfer_id = ?")) {
                select.setString(1, transferId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
        if (counted.isEmpty()) {
            return access(transferId, purpose, true);
        }
        Optional<TransferProcess> transfer = transfers.find(transferId);
        Optional<Agreements.Stored> agreement = transfer.flatMap(t -> agreements.find(t.agreementId()));
        if (agreement.isEmpty()) {
            return Result.notFound("no transfer " + transferId + " under a known agreement here");
        }
        Permit permit = new Permit(transfer.get(), agreement.get(), counted.get(), purpose, claims(agreement.get()));
        Optional<String> revoked = revoked(permit);
        if (revoked.isPresent()) {
            return deny(transfer.get(), agreement.get(), List.of(revoked.get()), purpose, Result.Kind.FORBIDDEN);
        }
        return Result.ok(permit);
    }

    private Result<Permit> access(String transferId, String purpose, boolean oncePerTransfer) {
        Optional<TransferProcess> transfer = transfers.find(transferId);
        if (transfer.isEmpty() || transfer.get().role() != TransferRole.PROVIDER) {
            return Result.notFound("no transfer " + transferId + " here");
        }
        TransferProcess t = transfer.get();
        if (t.state() != TransferState.STARTED) {
            return deny(t, null, List.of("the transfer is " + t.state()), purpose, Result.Kind.CONFLICT);
        }
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Agreements.Stored> found = agreements.find(t.agreementId());
            if (found.isEmpty()) {
                return deny(
                        t,
                        null,
                        List.of("agreement " + t.agreementId() + " is unknown"),
                        purpose,
                        Result.Kind.FORBIDDEN);
            }
            Agreements.Stored agreement = found.get();
            if (!agreement.active()) {
                return deny(
                        t, agreement, List.of("the agreement is " + agreement.state()), purpose, Result.Kind.FORBIDDEN);
            }
            Result<CompiledPolicy> policy = policy(agreement);
            if (policy instanceof Result.Failure<CompiledPolicy> failure) {
                return deny(
                        t,
                        agreement,
                        List.of("the agreement's policy cannot be evaluated: " + failure.reason()),
                        purpose,
                        Result.Kind.FORBIDDEN);
            }
            ConsumerClaims claims = claims(agreement);
            EvaluationContext.Builder context = claims.applyTo(EvaluationContext.builder(Action.USE, clock.instant())
                    .agreementStart(agreement.concludedAt())
                    .priorUses(agreement.uses()));
            if (purpose != null && !purpose.isBlank()) {
                context.purpose(purpose);
            }
            Decision decision = policy.orElseThrow().decide(context.build());
            if (decision instanceof Decision.Deny deny) {
                List<String> reasons = new ArrayList<>();
                deny.reasons().forEach(reason -> reasons.add(reason.message()));
                return deny(t, agreement, reasons, purpose, Result.Kind.FORBIDDEN);
            }
            Optional<Permit> counted = transactions.inTransaction(() -> {
                if (!agreements.useIf(agreement.agreementId(), agreement.uses())) {
                    return Optional.<Permit>empty();
                }
                long number = agreement.uses() + 1;
                if (oncePerTransfer) {
                    remember(t, number, purpose);
                }
                evidence.record(
                        "usage.permitted",
                        List.of(agreement.agreementId(), t.id()),
                        payload(t, agreement, "permit", List.of(), purpose, number));
                return Optional.of(new Permit(t, agreement, number, purpose, claims));
            });
            if (counted.isPresent()) {
                return Result.ok(counted.get());
            }
        }
        return Result.unavailable("too many concurrent accesses to agreement " + t.agreementId() + "; retry");
    }

    private void remember(TransferProcess t, long number, String purpose) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transfer_use"
                    + " (transfer_id, agreement_id, use_number, purpose, counted_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, t.id());
                insert.setString(2, t.agreementId());
                insert.setLong(3, number);
                insert.setString(4, purpose);
                insert.setObject(5, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Why {@code permit} no longer covers its use, if it does not: its transfer left STARTED (the consumer suspended
     * or ended it), its agreement is no longer active, or the agreement's policy no longer allows this very use now
     * (its {@code dateTime} window closed, its {@code elapsedTime} ran out). Checks only, counts nothing; for a use
     * that lasts, such as a long download or a push to a destination that was down.
     */
    public Optional<String> revoked(Permit permit) {
        Optional<TransferProcess> transfer = transfers.find(permit.transfer().id());
        if (transfer.isEmpty() || transfer.get().state() != TransferState.STARTED) {
            return Optional.of(
                    "the transfer is " + transfer.map(t -> t.state().name()).orElse("gone"));
        }
        Optional<Agreements.Stored> agreement =
                agreements.find(permit.agreement().agreementId());
        if (agreement.isEmpty() || !agreement.get().active()) {
            return Optional.of("the agreement is "
                    + agreement.map(a -> String.valueOf(a.state())).orElse("unknown"));
        }
        Result<CompiledPolicy> policy = policy(agreement.get());
        if (policy instanceof Result.Failure<CompiledPolicy> failure) {
            return Optional.of("the agreement's policy cannot be evaluated: " + failure.reason());
        }
        // The same use asked again now: the count as it stood when it was permitted, the same purpose and claims;
        // what can have changed is time.
        EvaluationContext.Builder context = permit.claims()
                .applyTo(EvaluationContext.builder(Action.USE, clock.instant())
                        .agreementStart(agreement.get().concludedAt())
                        .priorUses(permit.useNumber() - 1));
        if (permit.purpose() != null && !permit.purpose().isBlank()) {
            context.purpose(permit.purpose());
        }
        if (policy.orElseThrow().decide(context.build()) instanceof Decision.Deny deny) {
            List<String> reasons = new ArrayList<>();
            deny.reasons().forEach(reason -> reasons.add(reason.message()));
            return Optional.of("the agreement no longer permits this use: " + String.join("; ", reasons));
        }
        return Optional.empty();
    }

    private Result<Permit> deny(
            TransferProcess t, Agreements.Stored agreement, List<String> reasons, String purpose, Result.Kind kind) {
        transactions.inTransaction(() -> evidence.record(
                "usage.denied",
                agreement == null ? List.of(t.id()) : List.of(agreement.agreementId(), t.id()),
                payload(t, agreement, "deny", reasons, purpose, agreement == null ? 0 : agreement.uses())));
        String reason = "access refused: " + String.join("; ", reasons);
        return switch (kind) {
            case CONFLICT -> Result.conflict(reason);
            default -> Result.forbidden(reason);
        };
    }

    private byte[] payload(
            TransferProcess t,
            Agreements.Stored agreement,
            String decision,
            List<String> reasons,
            String purpose,
            long uses) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("decision", decision);
        record.put("transfer", t.id());
        record.put("agreement", agreement == null ? t.agreementId() : agreement.agreementId());
        record.put("consumer", t.counterPartyId());
        record.put("purpose", purpose);
        record.put("uses", uses);
        record.put("reasons", reasons);
        record.put("at", clock.instant().toString());
        return JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
    }

    private Result<CompiledPolicy> policy(Agreements.Stored agreement) {
        CompiledPolicy cached = compiled.get(agreement.agreementId());
        if (cached != null) {
            return Result.ok(cached);
        }
        ObjectNode json = ((ObjectNode) agreement.agreement()).deepCopy();
        json.put("@type", "Agreement");
        return PolicyParser.parse(json).map(parsed -> {
            CompiledPolicy policy = PolicyCompiler.compile(parsed);
            compiled.put(agreement.agreementId(), policy);
            return policy;
        });
    }

    private ConsumerClaims claims(Agreements.Stored agreement) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT claims::text FROM negotiation_decision WHERE negotiation_id = ?")) {
                select.setString(1, agreement.negotiationId());
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? ConsumerClaims.fromJson(JSON.readTree(row.getString(1)))
                            : ConsumerClaims.none();
                }
            }
        });
    }
}
