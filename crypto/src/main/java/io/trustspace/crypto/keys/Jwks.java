package io.trustspace.crypto.keys;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public keys as JSON Web Keys (RFC 7517): {@code OKP / Ed25519} and {@code OKP / X25519} (RFC 8037), {@code EC /
 * P-256} (RFC 7518), and for SM2 {@code EC / SM2} with x and y as 32-byte big-endian coordinates, like P-256. "SM2" is
 * our name, not an IANA-registered curve (docs/adr/0002-sm2-jws-alg.md). Private JWKs are neither written nor read.
 * Stateless and thread-safe.
 */
public final class Jwks {

    /** A public JWK is well under 1 KiB; the bound keeps a hostile document cheap to reject. */
    static final int MAX_JSON_LENGTH = 16 * 1024;

    private static final int COORDINATE_LENGTH = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwks() {}

    /** The JWK members {@code kty, crv, x} and for EC keys {@code y}, in that order. */
    public static Map<String, Object> toJwk(PublicKey key) {
        KeyType type =
                KeyType.of(key).orElseThrow(() -> new IllegalArgumentException("no JWK for " + key.getAlgorithm()));
        byte[] raw = KeyType.rawPublicKey(key);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", type.jwkKty());
        jwk.put("crv", type.jwkCrv());
        if (type.isEllipticCurve()) {
            jwk.put("x", BASE64URL.encodeToString(Arrays.copyOfRange(raw, 1, 1 + COORDINATE_LENGTH)));
            jwk.put("y", BASE64URL.encodeToString(Arrays.copyOfRange(raw, 1 + COORDINATE_LENGTH, raw.length)));
        } else {
            jwk.put("x", BASE64URL.encodeToString(raw));
        }
        return Collections.unmodifiableMap(jwk);
    }

    /** {@link #toJwk} as compact JSON. */
    public static String toJson(PublicKey key) {
        return JSONObjectUtils.toJSONString(toJwk(key));
    }

    /** Parses a public JWK from JSON; see {@link #fromJwk}. */
    public static Result<PublicKey> parse(String json) {
        if (json.length() > MAX_JSON_LENGTH) {
            return Result.invalid("JWK longer than %d characters".formatted(MAX_JSON_LENGTH));
        }
        try {
            return fromJwk(JSONObjectUtils.parse(json, MAX_JSON_LENGTH));
        } catch (ParseException e) {
            return Result.invalid("JWK is not a JSON object");
        }
    }

    /**
     * The public key a JWK describes. Unknown members are ignored (RFC 7517 section 4); a JWK with private key
     * material ({@code d}), an unknown {@code kty/crv}, coordinates of the wrong length or a point not on the curve is
     * an {@code INVALID} failure.
     */
    public static Result<PublicKey> fromJwk(Map<String, ?> jwk) {
        if (jwk.containsKey("d")) {
            return Result.invalid("JWK holds a private key ('d'); only public JWKs are accepted");
        }
        if (!(jwk.get("kty") instanceof String kty) || !(jwk.get("crv") instanceof String crv)) {
            return Result.invalid("JWK needs string members kty and crv");
        }
        KeyType type = null;
        for (KeyType candidate : KeyType.values()) {
            if (candidate.jwkKty().equals(kty) && candidate.jwkCrv().equals(crv)) {
                type = candidate;
            }
        }
        if (type == null) {
            return Result.invalid("unsupported JWK kty %s with crv %s".formatted(kty, crv));
        }
        int length = type.isEllipticCurve() ? COORDINATE_LENGTH : type.rawPublicKeyLength();
        Result<byte[]> x = coordinate(jwk, "x", length);
        if (x instanceof Result.Failure<byte[]> failure) {
            return failure.cast();
        }
        if (!type.isEllipticCurve()) {
            return type.publicKey(x.orElseThrow());
        }
        Result<byte[]> y = coordinate(jwk, "y", length);
        if (y instanceof Result.Failure<byte[]> failure) {
            return failure.cast();
        }
        byte[] raw = new byte[1 + 2 * COORDINATE_LENGTH];
        raw[0] = 0x04;
        System.arraycopy(x.orElseThrow(), 0, raw, 1, COORDINATE_LENGTH);
        System.arraycopy(y.orElseThrow(), 0, raw, 1 + COORDINATE_LENGTH, COORDINATE_LENGTH);
        return type.publicKey(raw);
    }

    /**
     * The RFC 7638 thumbprint, hashed with the suite's digest (SHA-256 in intl, which is the usual {@code kid}; SM3 in
     * gm), base64url without padding.
     */
    public static String thumbprint(PublicKey key, CryptoSuite suite) {
        Map<String, Object> jwk = toJwk(key);
        // RFC 7638: the required members only, lexicographic order, no whitespace. All values are plain ASCII.
        String canonical = jwk.containsKey("y")
                ? "{\"crv\":\"%s\",\"kty\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"}"
                        .formatted(jwk.get("crv"), jwk.get("kty"), jwk.get("x"), jwk.get("y"))
                : "{\"crv\":\"%s\",\"kty\":\"%s\",\"x\":\"%s\"}"
                        .formatted(jwk.get("crv"), jwk.get("kty"), jwk.get("x"));
        return BASE64URL.encodeToString(suite.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static Result<byte[]> coordinate(Map<String, ?> jwk, String name, int length) {
        if (!(jwk.get(name) instanceof String text) || text.contains("=")) {
            return Result.invalid("JWK member %s must be unpadded base64url".formatted(name));
        }
        try {
            byte[] value = Base64.getUrlDecoder().decode(text);
            return value.length == length
                    ? Result.ok(value)
                    : Result.invalid(
                            "JWK member %s must decode to %d bytes, not %d".formatted(name, length, value.length));
        } catch (IllegalArgumentException e) {
            return Result.invalid("JWK member %s must be unpadded base64url".formatted(name));
        }
    }
}
