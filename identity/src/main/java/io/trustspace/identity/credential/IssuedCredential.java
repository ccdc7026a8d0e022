package io.trustspace.identity.credential;

import java.util.Objects;

/**
 * A membership credential and its secured form, the compact {@code vc+jwt} the participant presents. Immutable and
 * thread-safe; {@link #toString()} omits the JWT, which carries personal data.
 */
public record IssuedCredential(MembershipCredential credential, String jwt) {

    public IssuedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(jwt, "jwt");
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + credential.id() + " for "
                + credential.claims().subject() + ", valid until " + credential.validUntil() + "]";
    }
}
