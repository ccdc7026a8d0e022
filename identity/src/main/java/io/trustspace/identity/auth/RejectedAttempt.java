package io.trustspace.identity.auth;

import io.trustspace.common.json.CanonicalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refused access token, as evidence: when, why, and what the token said about itself. Holds no token and no
 * credential claims, only a digest of the token, so it can go to the evidence ledger and to logs. Immutable and
 * thread-safe.
 *
 * @param audience this connector's DID, the callee that refused the token
 * @param claimedIssuer the token's {@code iss} if it was a well-formed DID, else null; authenticated only if {@code
 *     signatureVerified}
 * @param tokenId the token's {@code jti} if well-formed, else null
 * @param signatureVerified whether the token's signature had verified before it was refused
 * @param tokenDigest {@code sha-256:<hex>} or {@code sm3:<hex>} of the token as received (at most 16 KiB of it)
 */
public record RejectedAttempt(
        Instant time,
        String audience,
        AuthFailure failure,
        String detail,
        String claimedIssuer,
        String tokenId,
        boolean signatureVerified,
        String tokenDigest) {

    public RejectedAttempt {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
    }

    /** This attempt as JSON; {@code claimedIssuer} and {@code tokenId} are omitted when null. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("time", time.truncatedTo(ChronoUnit.MILLIS).toString());
        json.put("audience", audience);
        json.put("failure", failure.name());
        json.put("detail", detail);
        if (claimedIssuer != null) {
            json.put("claimedIssuer", claimedIssuer);
        }
        if (tokenId != null) {
            json.put("tokenId", tokenId);
        }
        json.put("signatureVerified", signatureVerified);
        json.put("tokenDigest", tokenDigest);
        return json;
    }

    /**
     * The RFC 8785 canonical form of {@link #toJson()}: the payload whose digest an {@code auth.rejected} evidence
     * record commits to.
     */
    public byte[] canonicalJson() {
        return CanonicalJson.canonicalize(toJson()).orElseThrow();
    }
}
