package io.trustspace.contract.message;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ODRL offer as DSP carries it: its id, the dataset it is about ({@code target}), the parties as far as known,
 * and the rest of the policy ({@code permission}, {@code prohibition}, {@code obligation} arrays and any other
 * members) as a JSON object. The policy is copied in and out, so an offer is immutable; equality is by value.
 */
public record Offer(String id, String target, String assigner, String assignee, JsonNode policy) {

    public Offer {
        Pids.require("offer.@id", id);
        Pids.optional("offer.target", target);
        Pids.optional("offer.assigner", assigner);
        Pids.optional("offer.assignee", assignee);
        Objects.requireNonNull(policy, "policy");
        if (!policy.isObject()) {
            throw new IllegalArgumentException("an offer's policy is a JSON object");
        }
        policy = policy.deepCopy();
    }

    /** An offer permitting {@code action} on {@code target} without constraints. */
    public static Offer permitting(String id, String target, String assigner, String action) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.putArray("permission").addObject().put("action", action);
        return new Offer(id, target, assigner, null, policy);
    }

    @Override
    public JsonNode policy() {
        return policy.deepCopy();
    }

    /** Whether the policy has at least one permission or prohibition (what the TCK's schemas require). */
    public boolean hasRules() {
        return nonEmpty(policy.get("permission")) || nonEmpty(policy.get("prohibition"));
    }

    /** The same offer with another target/assigner/assignee. */
    public Offer with(String newTarget, String newAssigner, String newAssignee) {
        return new Offer(id, newTarget, newAssigner, newAssignee, policy);
    }

    private static boolean nonEmpty(JsonNode rules) {
        return rules != null && rules.isArray() && !rules.isEmpty();
    }
}
