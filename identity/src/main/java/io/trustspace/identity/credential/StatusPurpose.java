package io.trustspace.identity.credential;

import java.util.Optional;

/**
 * The two Bitstring Status List purposes a membership credential uses, with their {@code statusPurpose} values. A
 * participant's credential has one entry of each, at the same index of two lists.
 */
public enum StatusPurpose {
    /** Cancels the credential for good; a revocation bit is never cleared. */
    REVOCATION("revocation"),
    /** Keeps the credential from being accepted until the operator reinstates it. */
    SUSPENSION("suspension");

    private final String jsonName;

    StatusPurpose(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The {@code statusPurpose} value. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<StatusPurpose> fromJsonName(String name) {
        for (StatusPurpose purpose : values()) {
            if (purpose.jsonName.equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
