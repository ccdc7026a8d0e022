package io.trustspace.app.did;

import io.trustspace.common.Result;
import io.trustspace.crypto.keys.Jwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves a did:web DID and key id to the public key, caching documents for {@link #TTL}. A key id the cached
 * document does not know triggers one fresh fetch (the actor may have rotated). Documents are bounded in size and
 * the cache in entries.
 *
 * <p>Thread-safe.
 */
public final class DidKeyResolver {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    private static final int MAX_CACHED = 10_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private record Cached(Map<String, PublicKey> keys, Instant fetchedAt) {}

    private final HttpClient http;
    private final boolean httpOnLoopback;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };

    public DidKeyResolver(HttpClient http, boolean httpOnLoopback, Clock clock) {
        this.http = http;
        this.httpOnLoopback = httpOnLoopback;
        this.clock = clock;
    }

    /**
     * The key of {@code did} that a JWS with {@code header} was signed with: the verification method its {@code kid}
     * names in {@code did}'s own document, so a signature by anyone else's key never passes for {@code did}'s. As
     * {@link #resolve}, and INVALID without a {@code kid}.
     */
    public Result<PublicKey> signingKey(String did, Map<String, Object> header) {
        if (!(header.get("kid") instanceof String kid) || kid.isBlank()) {
            return Result.invalid("JWS has no kid header naming a key of " + did);
        }
        return resolve(did, kid);
    }

    /** The key {@code kid} of {@code did}: UNAUTHORIZED if the document does not list it, UNAVAILABLE if unreachable. */
    public Result<PublicKey> resolve(String did, String kid) {
        Cached cached = cached(did);
        if (cached != null && cached.keys().containsKey(kid)) {
            return Result.ok(cached.keys().get(kid));
        }
        return fetch(did)
                .flatMap(keys -> Optional.ofNullable(keys.get(kid))
                        .<Result<PublicKey>>map(Result::ok)
                        .orElseGet(
                                () -> Result.unauthorized("key " + kid + " is not a verification method of " + did)));
    }

    private synchronized Cached cached(String did) {
        Cached cached = cache.get(did);
        return cached != null && cached.fetchedAt().plus(TTL).isAfter(clock.instant()) ? cached : null;
    }

    private Result<Map<String, PublicKey>> fetch(String did) {
        Result<URI> url = DidWeb.documentUrl(did, httpOnLoopback);
        if (url instanceof Result.Failure<URI> bad) {
            return bad.cast();
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url.orElseThrow())
                            .timeout(REQUEST_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return Result.unavailable("cannot fetch the DID document of " + did + ": "
                    + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            // The client's own checks of the URL (a port out of range, say): the DID itself is unusable.
            return Result.invalid("the DID document URL of " + did + " is not usable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted while resolving " + did);
        }
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return Result.unauthorized("there is no DID document of " + did + " (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            return Result.unavailable("DID document of " + did + " answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_DOCUMENT_BYTES) {
            return Result.invalid("DID document of " + did + " exceeds " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return parse(did, response.body()).map(keys -> {
            synchronized (this) {
                cache.put(did, new Cached(keys, clock.instant()));
            }
            return keys;
        });
    }

    private Result<Map<String, PublicKey>> parse(String did, byte[] body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JacksonException e) {
            return Result.invalid("DID document of " + did + " is not JSON");
        }
        if (!did.equals(document.path("id").asString())) {
            return Result.unauthorized("DID document id does not match " + did);
        }
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode method : document.path("verificationMethod")) {
            String id = method.path("id").asString();
            int hash = id.indexOf('#');
            if (hash < 0 || !id.substring(0, hash).equals(did) || !method.has("publicKeyJwk")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = json.convertValue(method.get("publicKeyJwk"), Map.class);
            Jwks.fromJwk(jwk).map(key -> keys.put(id.substring(hash + 1), key));
        }
        return Result.ok(keys);
    }
}
