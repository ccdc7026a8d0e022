package io.trustspace.identity.auth;

/**
 * Why an access token was refused: the machine-readable reason code of a 401 answer and of the evidence record of the
 * rejected attempt. Listed in the order {@link AccessTokenVerifier} checks; the first failing check decides.
 */
public enum AuthFailure {
    /** Not a compact JWS of at most 16 KiB with the required header and claims of the right types. */
    MALFORMED,
    /** The caller's DID does not list the {@code kid} key, or there is no such DID. */
    UNKNOWN_KEY,
    /** The caller's DID document cannot be fetched right now (its host unreachable or failing). Transient. */
    KEY_UNAVAILABLE,
    /** The token's signature does not verify under the caller's key. */
    BAD_SIGNATURE,
    /** The token lives longer than five minutes ({@code exp - iat}). */
    LIFETIME_TOO_LONG,
    /** {@code exp} (plus the allowed clock skew) has passed. */
    EXPIRED,
    /** {@code iat} or {@code nbf} lies in the future beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** The token is not addressed to this connector alone. */
    WRONG_AUDIENCE,
    /** This issuer already used this {@code jti}. */
    REPLAYED,
    /**
     * The replay cache is full of tokens that are still live, so this token's {@code jti} cannot be remembered; the
     * token is refused rather than risk accepting a replay later. Transient: retry shortly (an edge may answer 503).
     */
    REPLAY_CACHE_FULL,
    /** The token carries no presentation with exactly one enveloped membership credential. */
    NO_CREDENTIAL,
    /** The credential is malformed, not a membership credential, or its signature does not verify. */
    CREDENTIAL_INVALID,
    /** The credential's issuer is not on this space's trust list, or not for the space it claims. */
    UNTRUSTED_ISSUER,
    /** The credential (or presentation) is about someone other than the token's issuer. */
    SUBJECT_MISMATCH,
    /** The credential's {@code validUntil} has passed. */
    CREDENTIAL_EXPIRED,
    /** The credential's revocation bit is set. */
    REVOKED,
    /** The credential's suspension bit is set. */
    SUSPENDED,
    /** The status list could not be fetched or did not check out, so the credential's status is unknown. */
    STATUS_UNAVAILABLE;

    /**
     * Whether the refusal says nothing about the token, only that it cannot be checked now: the caller should retry
     * (an edge answers 503, not 401).
     */
    public boolean isTransient() {
        return this == KEY_UNAVAILABLE || this == REPLAY_CACHE_FULL || this == STATUS_UNAVAILABLE;
    }
}
