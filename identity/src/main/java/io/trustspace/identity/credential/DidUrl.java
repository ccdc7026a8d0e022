package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.util.regex.Pattern;

/**
 * A DID URL naming one verification method, {@code <did>#<fragment>}: the form of every {@code kid} this module
 * writes and accepts. Immutable and thread-safe.
 *
 * <p>The DID follows the W3C DID Core syntax ({@code did:<method>:<method-specific-id>}) and is at most {@value
 * #MAX_DID_LENGTH} characters; the fragment is 1 to {@value #MAX_FRAGMENT_LENGTH} characters of letters, digits and
 * {@code . _ ~ - : @ ! $ & ' ( ) * + , ; = /}.
 */
public record DidUrl(String did, String fragment) {

    public static final int MAX_DID_LENGTH = 500;
    public static final int MAX_FRAGMENT_LENGTH = 128;

    /** W3C DID Core §3.1: did:method-name:method-specific-id, idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded. */
    private static final Pattern DID = Pattern.compile(
            "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=/-]+");

    public DidUrl {
        if (!isDid(did)) {
            throw new IllegalArgumentException("not a DID: " + quote(did));
        }
        if (fragment == null
                || fragment.isEmpty()
                || fragment.length() > MAX_FRAGMENT_LENGTH
                || !FRAGMENT.matcher(fragment).matches()) {
            throw new IllegalArgumentException("not a DID URL fragment: " + quote(fragment));
        }
    }

    /** Parses {@code <did>#<fragment>}; anything else is an {@code INVALID} failure saying why. */
    public static Result<DidUrl> parse(String text) {
        if (text == null || text.length() > MAX_DID_LENGTH + 1 + MAX_FRAGMENT_LENGTH) {
            return Result.invalid("a key id must be a DID URL <did>#<fragment> of at most "
                    + (MAX_DID_LENGTH + 1 + MAX_FRAGMENT_LENGTH) + " characters");
        }
        int hash = text.indexOf('#');
        if (hash < 0) {
            return Result.invalid("key id " + quote(text) + " is not a DID URL <did>#<fragment>");
        }
        try {
            return Result.ok(new DidUrl(text.substring(0, hash), text.substring(hash + 1)));
        } catch (IllegalArgumentException e) {
            return Result.invalid("key id " + quote(text) + " is not a DID URL: " + e.getMessage());
        }
    }

    /** True for a syntactically valid DID of at most {@value #MAX_DID_LENGTH} characters. */
    public static boolean isDid(String text) {
        return text != null
                && text.length() <= MAX_DID_LENGTH
                && DID.matcher(text).matches();
    }

    /** {@code <did>#<fragment>}, the {@code kid} form. */
    @Override
    public String toString() {
        return did + "#" + fragment;
    }

    static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}
