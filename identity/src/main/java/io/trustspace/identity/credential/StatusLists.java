package io.trustspace.identity.credential;

import io.trustspace.common.Result;

/**
 * The status lists a verifier reads (port): the verified, decoded {@code BitstringStatusListCredential} published at a
 * URL. {@link CachingStatusLists} implements it over a {@link StatusListFetcher}; tests use a map.
 *
 * <p>Implementations must be thread-safe, must verify what they return with a {@link StatusListChecker} (signature,
 * type, id equal to {@code url}, validity period, bounded size) and should cache for at most the list's {@code ttl}.
 * Failures: {@code UNAVAILABLE} if the list cannot be fetched, {@code INVALID} or {@code UNAUTHORIZED} if it does not
 * check out. A verifier treats every failure as "status unknown" and refuses the credential.
 */
@FunctionalInterface
public interface StatusLists {

    Result<VerifiedStatusList> get(String url);
}
