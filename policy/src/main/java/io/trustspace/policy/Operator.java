package io.trustspace.policy;

/**
 * ODRL 2.2 relational and set operators. The ordered ones ({@link #LT} … {@link #GTEQ}) apply only to integers,
 * date-times and durations; the set ones take a list as right operand (a single value is read as a list of one).
 */
public enum Operator {
    EQ("odrl:eq", false, false),
    NEQ("odrl:neq", false, false),
    LT("odrl:lt", true, false),
    LTEQ("odrl:lteq", true, false),
    GT("odrl:gt", true, false),
    GTEQ("odrl:gteq", true, false),
    IS_ANY_OF("odrl:isAnyOf", false, true),
    IS_NONE_OF("odrl:isNoneOf", false, true),
    IS_ALL_OF("odrl:isAllOf", false, true),
    IS_PART_OF("odrl:isPartOf", false, true);

    private final String term;
    private final boolean ordered;
    private final boolean setBased;

    Operator(String term, boolean ordered, boolean setBased) {
        this.term = term;
        this.ordered = ordered;
        this.setBased = setBased;
    }

    /** The compact IRI, e.g. {@code odrl:lteq}. */
    public String term() {
        return term;
    }

    public boolean ordered() {
        return ordered;
    }

    public boolean setBased() {
        return setBased;
    }

    /** Whether {@code comparison} (the sign of actual compared to expected) satisfies an ordered or eq/neq operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NEQ -> comparison != 0;
            case LT -> comparison < 0;
            case LTEQ -> comparison <= 0;
            case GT -> comparison > 0;
            case GTEQ -> comparison >= 0;
            default -> throw new IllegalStateException(term + " is not a comparison");
        };
    }
}
