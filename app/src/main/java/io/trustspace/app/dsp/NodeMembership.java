package io.trustspace.app.dsp;

import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.common.Result;
import io.trustspace.identity.auth.AccessTokenIssuer;
import java.time.Duration;
import java.util.Optional;

/**
 * This connector's membership credential (issued by its operator and installed by its admin) and the access tokens
 * it presents to peers with it.
 */
public final class NodeMembership {

    static final String SETTING = "membership.credential";
    private static final int MAX_CREDENTIAL = 12 * 1024;

    /**
     * How long a read credential is reused before it is read again. Every DSP message presents it, and another
     * replica of this connector may install a new one; this bounds how long a replica keeps presenting the old one.
     */
    static final Duration REREAD = Duration.ofSeconds(10);

    private final JdbcNodeSettings settings;
    private final AccessTokenIssuer tokens;
    private volatile Read last;

    private record Read(Optional<String> credential, long readAtNanos) {}

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
        last = null;
        return Result.ok(null);
    }

    public Optional<String> credential() {
        Read read = last;
        long now = System.nanoTime();
        if (read == null || now - read.readAtNanos() > REREAD.toNanos()) {
            read = new Read(settings.get(SETTING), now);
            last = read;
        }
        return read.credential();
    }

    /** A fresh access token for calling the connector whose DID is {@code audience}. */
    public Result<String> tokenFor(String audience) {
        return credential()
                .<Result<String>>map(jwt -> Result.ok(tokens.issue(audience, jwt)))
                .orElseGet(() -> Result.unavailable("no membership credential installed (PUT /api/v1/membership)"));
    }
}
