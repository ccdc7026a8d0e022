package io.trustspace.identity.credential;

import io.trustspace.common.Result;

/**
 * Fetches the compact JWS published at a status list URL (port); the app implements it over HTTP with {@code
 * Accept: application/vc+jwt}.
 *
 * <p>Implementations must be thread-safe, use short timeouts, refuse bodies longer than {@link
 * StatusListChecker#MAX_CREDENTIAL_LENGTH} without reading them whole, and report network errors and non-200
 * answers as {@code UNAVAILABLE}. They do not verify anything; {@link StatusListChecker} does.
 */
@FunctionalInterface
public interface StatusListFetcher {

    Result<String> fetch(String url);
}
