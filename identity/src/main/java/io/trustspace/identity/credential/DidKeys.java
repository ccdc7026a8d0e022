package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.security.PublicKey;

/**
 * Resolves the public key a DID lists as a verification method (port). The app adapts its did:web resolver to it.
 *
 * <p>{@code keyId} is the fragment of the verification method id, without the {@code #}: for the key {@code
 * did:web:provider.example#key-1} the call is {@code resolve("did:web:provider.example", "key-1")}. Callers take both
 * from a JWS {@code kid} with {@link DidUrl#parse}.
 *
 * <p>Failures: {@code UNAUTHORIZED} or {@code NOT_FOUND} when the DID document does not list the key, {@code INVALID}
 * for a malformed DID or document, {@code UNAVAILABLE} when the document cannot be fetched. Every failure makes the
 * signature it was needed for unverifiable; callers never fall back to a key from the token itself.
 *
 * <p>Implementations must be thread-safe and should cache documents with a short TTL (minutes), refetching once for a
 * key id the cached document does not know (the holder may have rotated its keys), and bound the cache in entries.
 */
@FunctionalInterface
public interface DidKeys {

    Result<PublicKey> resolve(String did, String keyId);
}
