package io.trustspace.identity.verification;

/** What a verifier found. Stored by {@link #name()}. */
public enum VerificationOutcome {
    /** The source confirms the claimed identity. */
    VERIFIED,
    /** The source knows the subject but something differs (name, legal representative, status). */
    MISMATCH,
    /** The source does not know the subject. */
    NOT_FOUND,
    /** The source could not be asked or gave no usable answer (timeout, 5xx, malformed reply); try again later. */
    UNAVAILABLE
}
