package io.trustspace.crypto.jose;

/**
 * The base64url alphabet of RFC 4648 §5, unpadded as JOSE uses it (RFC 7515 §2), checked with a loop rather than a
 * regular expression: JWS parts run to kilobytes and every DSP message and evidence record brings several.
 */
public final class Base64Url {

    private Base64Url() {}

    /** Whether every character of {@code text} is in the base64url alphabet (the empty text is). */
    public static boolean usesAlphabet(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} is unpadded base64url: the alphabet, and a length an encoding can have (never 1 modulo
     * 4). A lenient decoder would let one signature have many encodings.
     */
    public static boolean isUnpadded(CharSequence text) {
        return text.length() % 4 != 1 && usesAlphabet(text);
    }
}
