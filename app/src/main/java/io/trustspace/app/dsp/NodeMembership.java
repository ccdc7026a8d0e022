package io.trustspace.app.dsp;

import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.common.Result;
import io.trustspace.identity.auth.AccessTokenIssuer;
import java.util.Optional;

/**
 * This connector's membership credential (issued by its operator and installed by its admin) and the access tokens
 * it presents to peers with it.
 */
public final class NodeMembership {

    static final String SETTING = "membership.credential";
    private static final int MAX_CREDENTIAL = 12 * 1024;

    private final JdbcNodeSettings settings;
    private final AccessTokenIssuer tokens;

    public NodeMembership(JdbcNodeSettings settings, AccessTokenIssuer tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    public Result<Void> install(String credentialJwt) {
        if (credentialJwt == null
                || credentialJwt.isBlank()
                || credentialJwt.length() > MAX_CREDENTIAL
                || !credentialJwt.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            return Result.invalid("credential must be a compact JWS of at most " + MAX_CREDENTIAL + " characters");
        }
        settings.put(SETTING, credentialJwt.strip());
        return Result.ok(null);
    }

    public Optional<String> credential() {
        return settings.get(SETTING);
    }

    /** A fresh access token for calling the connector whose DID is {@code audience}. */
    public Result<String> tokenFor(String audience) {
        return credential()
                .<Result<String>>map(jwt -> Result.ok(tokens.issue(audience, jwt)))
                .orElseGet(() -> Result.unavailable("no membership credential installed (PUT /api/v1/membership)"));
    }
}
