package io.trustspace.identity.auth;

import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.DidUrl;
import io.trustspace.identity.credential.VcJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller's side of connector-to-connector authentication: a short-lived self-issued JWT for one request to one
 * callee, signed with the caller's DID key and carrying its membership credential. Header {@code typ} {@value
 * #TOKEN_TYPE}, {@code kid} {@code <caller DID>#<key id>}; claims:
 *
 * <pre>{@code
 * {"iss": "did:web:consumer.example", "sub": "did:web:consumer.example", "aud": "did:web:provider.example",
 *  "iat": 1740816000, "nbf": 1740816000, "exp": 1740816120, "jti": "…",
 *  "vp": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
 *         "holder": "did:web:consumer.example",
 *         "verifiableCredential": [{"@context": "https://www.w3.org/ns/credentials/v2",
 *             "id": "data:application/vc+jwt,eyJ…", "type": "EnvelopedVerifiableCredential"}]}}
 * }</pre>
 *
 * <p>The presentation holds the membership credential as a VC 2.0 {@code EnvelopedVerifiableCredential} (VC 2.0
 * §4.13): its {@code id} is a {@code data:} URL of the credential's {@code vc+jwt}. The presentation itself is not
 * separately signed: the token's signature, by the holder's key, covers it, and {@code aud}, {@code exp} and {@code
 * jti} bind it to one request. Thread-safe if the id supplier is.
 */
public final class AccessTokenIssuer {

    /** The {@code typ} header of access tokens: explicit typing (RFC 8725 §3.11), so no other JWT passes for one. */
    public static final String TOKEN_TYPE = "trustspace-access+jwt";

    /** The longest lifetime a token may have. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    /** Longest credential JWT accepted, so that the token stays below the verifier's 16 KiB bound. */
    static final int MAX_CREDENTIAL_LENGTH = 10 * 1024;

    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private final Supplier<DidSigningKey> caller;
    private final Clock clock;
    private final Supplier<String> tokenIds;
    private final long lifetimeSeconds;

    /**
     * @param caller the caller's DID key, listed in its DID document
     * @param tokenIds unpredictable unique ids, such as random UUIDs
     * @param lifetime whole seconds, 1 second to {@link #MAX_LIFETIME}; a minute or two is plenty
     */
    public AccessTokenIssuer(DidSigningKey caller, Clock clock, Supplier<String> tokenIds, Duration lifetime) {
        this(() -> caller, clock, tokenIds, lifetime);
    }

    /** As above, with the caller's key read for every token, so that a rotated key is used at once. */
    public AccessTokenIssuer(
            Supplier<DidSigningKey> caller, Clock clock, Supplier<String> tokenIds, Duration lifetime) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenIds = Objects.requireNonNull(tokenIds, "tokenIds");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0
                || lifetime.compareTo(MAX_LIFETIME) > 0
                || lifetime.getNano() != 0) {
            throw new IllegalArgumentException(
                    "token lifetime must be whole seconds from 1 s to " + MAX_LIFETIME + ", not " + lifetime);
        }
        this.lifetimeSeconds = lifetime.getSeconds();
    }

    /**
     * A token for one request to {@code audience}, presenting {@code membershipCredential} (its {@code vc+jwt}).
     *
     * @throws IllegalArgumentException if {@code audience} is not a DID, the credential is longer than 10 KiB or the
     *     id supplier yields an id that is not 1 to 256 visible ASCII characters
     * @throws IllegalStateException if the token would exceed the verifier's 16 KiB bound (very long DIDs)
     */
    public String issue(String audience, String membershipCredential) {
        if (!DidUrl.isDid(audience)) {
            throw new IllegalArgumentException("audience must be the callee's DID, not " + audience);
        }
        if (membershipCredential == null
                || membershipCredential.isEmpty()
                || membershipCredential.length() > MAX_CREDENTIAL_LENGTH) {
            throw new IllegalArgumentException(
                    "membership credential must be a compact JWS of at most " + MAX_CREDENTIAL_LENGTH + " characters");
        }
        String tokenId = tokenIds.get();
        if (tokenId == null || !TOKEN_ID.matcher(tokenId).matches()) {
            throw new IllegalArgumentException("token ids must be 1 to 256 visible ASCII characters");
        }
        long now = clock.instant().getEpochSecond();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode claims = nodes.objectNode();
        claims.put("iss", caller.get().did());
        claims.put("sub", caller.get().did());
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetimeSeconds);
        claims.put("jti", tokenId);
        ObjectNode presentation = claims.putObject("vp");
        presentation.putArray("@context").add(VcJson.CREDENTIALS_V2);
        presentation.putArray("type").add("VerifiablePresentation");
        presentation.put("holder", caller.get().did());
        ObjectNode enveloped = presentation.putArray("verifiableCredential").addObject();
        enveloped.put("@context", VcJson.CREDENTIALS_V2);
        enveloped.put("id", VcJson.VC_JWT_DATA_URL_PREFIX + membershipCredential);
        enveloped.put("type", "EnvelopedVerifiableCredential");
        String token = caller.get().sign(TOKEN_TYPE, null, VcJson.write(claims));
        if (token.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            throw new IllegalStateException("access token of " + token.length() + " characters exceeds "
                    + AccessTokenVerifier.MAX_TOKEN_LENGTH);
        }
        return token;
    }
}
