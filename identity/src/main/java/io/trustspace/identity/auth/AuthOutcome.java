package io.trustspace.identity.auth;

import io.trustspace.common.Result;
import java.util.Objects;

/**
 * What {@link AccessTokenVerifier#verify} concluded: the verified caller, or the reason the token was refused.
 * Immutable and thread-safe.
 */
public sealed interface AuthOutcome {

    /** The token and its credential checked out. */
    record Authenticated(VerifiedCaller caller) implements AuthOutcome {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * The token was refused for {@code failure}; {@code detail} says exactly which rule it broke, for logs and the
     * problem detail. It never contains the token or credential claims beyond DIDs and ids.
     */
    record Rejected(AuthFailure failure, String detail) implements AuthOutcome {
        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * As a {@link Result}: the caller, or an {@code UNAUTHORIZED} failure whose reason starts with the reason code,
     * {@code "REVOKED: credential urn:uuid:… is revoked"}. For edges that map {@code Result}s; others switch on the
     * outcome and use {@link Rejected#failure()} directly.
     */
    default Result<VerifiedCaller> toResult() {
        if (this instanceof Rejected rejected) {
            return Result.unauthorized(rejected.failure().name() + ": " + rejected.detail());
        }
        return Result.ok(((Authenticated) this).caller());
    }
}
