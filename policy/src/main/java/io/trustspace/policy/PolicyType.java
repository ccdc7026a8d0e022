package io.trustspace.policy;

/**
 * The ODRL policy subclass. Access policies are usually {@link #SET}; contract policies are negotiated as
 * {@link #OFFER} and end as an {@link #AGREEMENT}, which ODRL requires to name assigner, assignee and target.
 */
public enum PolicyType {
    SET("odrl:Set"),
    OFFER("odrl:Offer"),
    AGREEMENT("odrl:Agreement");

    private final String term;

    PolicyType(String term) {
        this.term = term;
    }

    /** The compact IRI, e.g. {@code odrl:Offer}. */
    public String term() {
        return term;
    }
}
