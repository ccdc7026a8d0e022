package io.trustspace.identity.registration;

/** The kinds of participant a space admits. Stored by {@link #name()}. */
public enum ParticipantKind {
    /** A legal entity or other organisation identified by its unified social credit code. */
    ORGANISATION("组织"),
    /** A natural person identified by a resident ID number (kept only as a keyed hash and a masked form). */
    INDIVIDUAL("个人"),
    /** An organisation that offers data services to the space (数据服务方). */
    SERVICE_PROVIDER("数据服务方");

    private final String label;

    ParticipantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
