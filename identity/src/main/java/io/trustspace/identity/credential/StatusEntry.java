package io.trustspace.identity.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * One {@code BitstringStatusListEntry} of a credential (Bitstring Status List v1.0 §2.1): bit {@code index} of the
 * list published at {@code statusListCredential} tells whether the credential is revoked or suspended. Immutable and
 * thread-safe.
 *
 * @param index at most {@link Integer#MAX_VALUE}; lists longer than that are refused anyway
 * @param statusListCredential an absolute {@code https} URL (or {@code http}, for tests and loopback deployments) of
 *     at most {@value #MAX_URL_LENGTH} characters
 */
public record StatusEntry(StatusPurpose purpose, int index, String statusListCredential) {

    public static final int MAX_URL_LENGTH = 500;

    public StatusEntry {
        Objects.requireNonNull(purpose, "purpose");
        if (index < 0) {
            throw new IllegalArgumentException("statusListIndex must not be negative");
        }
        if (!isListUrl(statusListCredential)) {
            throw new IllegalArgumentException("statusListCredential " + DidUrl.quote(statusListCredential)
                    + " is not an absolute http(s) URL without fragment of at most " + MAX_URL_LENGTH
                    + " characters");
        }
    }

    /** The entry's own {@code id}: the list URL with the index as fragment (the spec forbids the bare list URL). */
    public String id() {
        return statusListCredential + "#" + index;
    }

    static boolean isListUrl(String url) {
        if (url == null || url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
