package io.trustspace.contract.message;

import io.trustspace.common.json.CanonicalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * An ODRL agreement: id, target dataset, assigner (provider), assignee (consumer), when it was made and the policy
 * ({@code permission}, {@code prohibition}, {@code obligation} and any other members) as a JSON object.
 * {@code timestamp} may be null only in an agreement we received (the TCK's schema makes it optional); the ones we
 * make always have it, kept to the millisecond. Immutable; equality is by value.
 */
public record Agreement(
        String id, String target, String assigner, String assignee, Instant timestamp, JsonNode policy) {

    public Agreement {
        Pids.require("agreement.@id", id);
        Pids.require("agreement.target", target);
        Pids.require("agreement.assigner", assigner);
        Pids.require("agreement.assignee", assignee);
        Objects.requireNonNull(policy, "policy");
        if (!policy.isObject()) {
            throw new IllegalArgumentException("an agreement's policy is a JSON object");
        }
        policy = policy.deepCopy();
        timestamp = timestamp == null ? null : timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The agreement made from {@code offer} between {@code assigner} and {@code assignee} at {@code now}. */
    public static Agreement of(String id, Offer offer, String target, String assigner, String assignee, Instant now) {
        return new Agreement(id, target, assigner, assignee, now, offer.policy());
    }

    @Override
    public JsonNode policy() {
        return policy.deepCopy();
    }

    /** Whether the policy has at least one permission (what the TCK's schema requires of an agreement). */
    public boolean hasPermission() {
        JsonNode permissions = policy.get("permission");
        return permissions != null && permissions.isArray() && !permissions.isEmpty();
    }

    /**
     * The RFC 8785 canonical bytes both parties sign (as a detached compact JWS): the agreement exactly as
     * {@link DspCodec} writes it inside a {@link ContractAgreementMessage}, without {@code @context}.
     */
    public byte[] canonicalBytes() {
        return CanonicalJson.canonicalize(DspCodec.agreementJson(this)).orElseThrow();
    }
}
