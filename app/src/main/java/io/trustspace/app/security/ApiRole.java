package io.trustspace.app.security;

import java.util.Locale;

/**
 * Who may do what on our management and operator APIs. Machines authenticate with API keys, people with a login;
 * both carry one or more of these roles.
 */
public enum ApiRole {
    /** Runs the space: everything, including suspension and revocation. */
    OPERATOR_ADMIN,
    /** Reviews participants and resources: verify, approve, reject. */
    REVIEWER,
    /** Read-only oversight of everything. */
    REGULATOR,
    /** Administers one participant: registers it, manages its connector. */
    PARTICIPANT_ADMIN;

    /** The Spring Security authority, e.g. ROLE_OPERATOR_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses {@code operator-admin} or {@code OPERATOR_ADMIN}. */
    public static ApiRole parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
