package io.trustspace.policy;

/**
 * The ODRL 2.2 actions a TrustSpace policy can grant, forbid or require.
 *
 * <p>Implication follows the ODRL 2.2 common vocabulary: every other action here is {@code odrl:includedIn}
 * {@code odrl:use}, so a permission (or prohibition) of {@link #USE} covers a request for any of them, while a rule
 * for a narrower action covers only that action. There is no implication between the narrower actions (reading does
 * not imply distributing). {@link #DELETE} appears in duties ("delete the copy after 30 days"); {@link #DISTRIBUTE}
 * is our re-transfer of the data to a third party. Immutable and thread-safe.
 */
public enum Action {
    USE("odrl:use"),
    READ("odrl:read"),
    DISTRIBUTE("odrl:distribute"),
    AGGREGATE("odrl:aggregate"),
    DERIVE("odrl:derive"),
    ANONYMIZE("odrl:anonymize"),
    DELETE("odrl:delete");

    private final String term;

    Action(String term) {
        this.term = term;
    }

    /** The compact IRI, e.g. {@code odrl:use}. */
    public String term() {
        return term;
    }

    /** Whether a rule for this action applies to a request for {@code requested}. */
    public boolean includes(Action requested) {
        return this == requested || this == USE;
    }
}
