package io.trustspace.app.catalog;

import io.trustspace.common.Result;
import io.trustspace.identity.auth.AccessTokenVerifier;
import io.trustspace.identity.auth.AuthOutcome;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of an endpoint open to everyone that shows more to members (identifier resolution): no Authorization
 * header is an anonymous caller; a Bearer token must verify like on {@code /dsp/**}, or the request is refused —
 * a bad token never silently degrades to anonymous.
 */
public final class OptionalCaller {

    private static final int MAX_TOKEN = 16 * 1024;

    private final AccessTokenVerifier verifier;

    public OptionalCaller(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Result<Optional<VerifiedCaller>> from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return Result.ok(Optional.empty());
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > MAX_TOKEN) {
            return Result.unauthorized("send Authorization: Bearer <access token>, or no Authorization at all");
        }
        AuthOutcome outcome = verifier.verify(header.substring(7).strip());
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            return Result.unauthorized(rejected.failure().name() + ": " + rejected.detail());
        }
        return Result.ok(Optional.of(((AuthOutcome.Authenticated) outcome).caller()));
    }
}
