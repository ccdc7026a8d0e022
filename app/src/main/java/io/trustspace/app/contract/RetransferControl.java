package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.negotiation.NegotiationRole;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.policy.Action;
import io.trustspace.policy.Decision;
import io.trustspace.policy.EvaluationContext;
import io.trustspace.policy.PolicyCompiler;
import io.trustspace.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-transfer control (二次传输) on the consumer's connector: data received under an agreement keeps that agreement's
 * policy here. Listing a resource made from it — which offers it onward — is a {@code distribute}: refused when the
 * agreement does not permit it (and the refusal evidenced), and otherwise the new resource's offers inherit the
 * agreement's terms (its prohibitions, and its permissions' constraints added to every permission), so derived data
 * is never offered on looser terms than it was received under.
 */
public final class RetransferControl {

    private final Agreements agreements;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    private final Clock clock;

    public RetransferControl(
            Agreements agreements, JdbcTransactions transactions, EvidenceRecorder evidence, Clock clock) {
        this.agreements = agreements;
        this.transactions = transactions;
        this.evidence = evidence;
        this.clock = clock;
    }

    public Result<ArrayNode> offers(List<String> derivedFrom, ArrayNode offers) {
        ArrayNode inherited = offers.deepCopy();
        for (String agreementId : derivedFrom) {
            Optional<Agreements.Stored> agreement = agreements.find(agreementId);
            if (agreement.isEmpty() || agreement.get().role() != NegotiationRole.CONSUMER) {
                return Result.invalid("derivedFrom: " + agreementId + " is not an agreement under which this connector"
                        + " received data");
            }
            JsonNode terms = agreement.get().agreement();
            ObjectNode policy = ((ObjectNode) terms).deepCopy();
            policy.put("@type", "Agreement");
            Result<io.trustspace.policy.Policy> parsed = PolicyParser.parse(policy);
            if (parsed instanceof Result.Failure<io.trustspace.policy.Policy> failure) {
                return Result.forbidden("agreement " + agreementId + " cannot be evaluated: " + failure.reason());
            }
            Decision decision = PolicyCompiler.compile(parsed.orElseThrow())
                    .decide(EvaluationContext.builder(Action.DISTRIBUTE, clock.instant())
                            .agreementStart(agreement.get().concludedAt())
                            .build());
            if (decision instanceof Decision.Deny deny) {
                List<String> reasons = new ArrayList<>();
                deny.reasons().forEach(reason -> reasons.add(reason.message()));
                transactions.inTransaction(() -> evidence.record(
                        "usage.denied",
                        List.of(agreementId),
                        ("{\"decision\":\"deny\",\"action\":\"distribute\",\"reasons\":"
                                        + JsonNodeFactory.instance
                                                .arrayNode()
                                                .addAll(reasons.stream()
                                                        .map(JsonNodeFactory.instance::stringNode)
                                                        .toList())
                                        + "}")
                                .getBytes(StandardCharsets.UTF_8)));
                return Result.forbidden("agreement " + agreementId + " does not allow offering its data onward: "
                        + String.join("; ", reasons));
            }
            inherit(inherited, terms);
        }
        return Result.ok(inherited);
    }

    /** Adds the agreement's prohibitions and permission constraints to every offer. */
    private static void inherit(ArrayNode offers, JsonNode agreement) {
        List<JsonNode> constraints = new ArrayList<>();
        agreement.path("permission").forEach(p -> p.path("constraint").forEach(constraints::add));
        for (JsonNode offer : offers) {
            ObjectNode o = (ObjectNode) offer;
            agreement.path("prohibition").forEach(o.withArray("prohibition")::add);
            for (JsonNode permission : o.withArray("permission")) {
                constraints.forEach(((ObjectNode) permission).withArray("constraint")::add);
            }
        }
    }
}
