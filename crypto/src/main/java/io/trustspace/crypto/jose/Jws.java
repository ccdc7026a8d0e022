package io.trustspace.crypto.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Requirement;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.KeyType;
import io.trustspace.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JWS compact serialization (RFC 7515) for the suites' algorithms: {@code EdDSA} (Ed25519, RFC 8037), {@code ES256}
 * and {@code SM2SM3} (SM2 with SM3 and user id 1234567812345678, raw 64-byte {@code r || s}; see
 * docs/adr/0002-sm2-jws-alg.md). Only send an SM2SM3 JWS to a peer whose DID document or metadata lists that alg.
 *
 * <p>Verification takes the key from the caller, never from the token ({@code jwk}, {@code jku}, {@code x5u} and
 * {@code x5c} headers are ignored), bounds the input to {@value #MAX_COMPACT_LENGTH} characters, rejects {@code
 * none}, unknown algs, an alg that does not fit the key, critical headers and unencoded payloads, each with a precise
 * reason. Failures: {@code INVALID} for malformed or refused tokens, {@code UNAUTHORIZED} for a signature that does not
 * verify. Stateless and thread-safe.
 *
 * <p>Headers are read and written as plain JSON (nimbus's parser), not as nimbus {@code JWSHeader}s, whose parser
 * refuses members it does not know, such as an {@code EC/SM2} {@code jwk}. For nimbus's own types ({@code SignedJWT},
 * {@code JWSObject}) use {@link SuiteJwsSigner} and {@link PublicKeyJwsVerifier}.
 */
public final class Jws {

    /** Longest compact JWS accepted, 1 MiB; larger payloads belong in a detached JWS or a digest. */
    public static final int MAX_COMPACT_LENGTH = 1 << 20;

    /** The SM2 with SM3 JWS algorithm; nimbus has no constant for it. */
    public static final JWSAlgorithm SM2SM3 = new JWSAlgorithm("SM2SM3", Requirement.OPTIONAL);

    /** EdDSA, ES256 and SM2SM3 signatures are all 64 bytes in a JWS. */
    static final int SIGNATURE_LENGTH = 64;

    private static final Set<String> SET_BY_US = Set.of("alg", "kid", "crit", "b64");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Jws() {}

    /**
     * A compact JWS over {@code payload}, with header {@code alg} (from the key), {@code kid} (omitted if null) and
     * {@code extraHeaders} (e.g. {@code typ}, {@code cty}).
     *
     * @throws IllegalArgumentException if the suite does not sign with this key type, or {@code extraHeaders} sets
     *     alg, kid, crit or b64
     */
    public static String sign(
            CryptoSuite suite, PrivateKey key, String kid, Map<String, Object> extraHeaders, byte[] payload) {
        return signed(suite, key, kid, extraHeaders, payload, false);
    }

    /**
     * Like {@link #sign} but with a detached payload (RFC 7515 appendix F): {@code header..signature}. The receiver
     * gets the payload another way and calls {@link #verifyDetached}.
     */
    public static String signDetached(
            CryptoSuite suite, PrivateKey key, String kid, Map<String, Object> extraHeaders, byte[] payload) {
        return signed(suite, key, kid, extraHeaders, payload, true);
    }

    /** Verifies a compact JWS with an attached payload under {@code key}. */
    public static Result<VerifiedJws> verify(String compact, PublicKey key) {
        return verify(compact, null, key);
    }

    /** Verifies a detached compact JWS ({@code header..signature}) over {@code payload} under {@code key}. */
    public static Result<VerifiedJws> verifyDetached(String compact, byte[] payload, PublicKey key) {
        return verify(compact, payload.clone(), key);
    }

    /**
     * The protected header, decoded but NOT verified: only for choosing the key (by {@code kid}) before calling
     * {@link #verify}.
     */
    public static Result<Map<String, Object>> unverifiedHeader(String compact) {
        return split(compact).flatMap(parts -> header(parts[0]));
    }

    static JWSAlgorithm jwsAlgorithm(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.SM2_SM3 ? SM2SM3 : JWSAlgorithm.parse(algorithm.jwsName());
    }

    private static String signed(
            CryptoSuite suite,
            PrivateKey key,
            String kid,
            Map<String, Object> extraHeaders,
            byte[] payload,
            boolean detached) {
        SuiteJwsSigner signer = new SuiteJwsSigner(suite, key);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", signer.algorithm().jwsName());
        if (kid != null) {
            json.put("kid", kid);
        }
        extraHeaders.forEach((name, value) -> {
            if (SET_BY_US.contains(name)) {
                throw new IllegalArgumentException("header parameter '" + name + "' is set by Jws, not by the caller");
            }
            json.put(name, value);
        });
        String header =
                BASE64URL.encodeToString(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8));
        String body = BASE64URL.encodeToString(payload);
        String signature = BASE64URL.encodeToString(signer.signRaw(signingInput(header, body)));
        return header + "." + (detached ? "" : body) + "." + signature;
    }

    private static Result<VerifiedJws> verify(String compact, byte[] detachedPayload, PublicKey key) {
        Result<String[]> split = split(compact);
        if (split instanceof Result.Failure<String[]> failure) {
            return failure.cast();
        }
        String[] parts = split.orElseThrow();
        if (detachedPayload != null && !parts[1].isEmpty()) {
            return Result.invalid("expected a detached JWS (header..signature), but it carries a payload");
        }
        Result<Map<String, Object>> parsedHeader = header(parts[0]);
        if (parsedHeader instanceof Result.Failure<Map<String, Object>> failure) {
            return failure.cast();
        }
        Map<String, Object> header = parsedHeader.orElseThrow();
        Result<SignatureAlgorithm> algorithm = checkHeader(header, key);
        if (algorithm instanceof Result.Failure<SignatureAlgorithm> failure) {
            return failure.cast();
        }
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        if (signature.length != SIGNATURE_LENGTH) {
            return Result.invalid("a %s signature has %d bytes, not %d"
                    .formatted(algorithm.orElseThrow().jwsName(), SIGNATURE_LENGTH, signature.length));
        }
        // The decoder ignores stray low bits in the last character; only the canonical encoding is accepted, so a
        // token has exactly one spelling (replay caches and logs can key on it).
        if (!BASE64URL.encodeToString(signature).equals(parts[2])) {
            return Result.invalid("JWS signature is not canonical base64url");
        }
        byte[] payload = detachedPayload != null
                ? detachedPayload
                : Base64.getUrlDecoder().decode(parts[1]);
        String body = detachedPayload != null ? BASE64URL.encodeToString(detachedPayload) : parts[1];
        // The header is not handed to nimbus: its parser rejects members it does not know, such as an SM2 "jwk".
        if (!new PublicKeyJwsVerifier(key).verifyRaw(signingInput(parts[0], body), signature)) {
            return Result.unauthorized("JWS signature does not verify under the given key");
        }
        return Result.ok(new VerifiedJws(
                algorithm.orElseThrow(), header.get("kid") instanceof String kid ? kid : null, header, payload));
    }

    private static byte[] signingInput(String header, String body) {
        return (header + "." + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** The checks that decide whether the signature is worth computing, in order of the reasons a caller needs. */
    private static Result<SignatureAlgorithm> checkHeader(Map<String, Object> header, PublicKey key) {
        if (!(header.get("alg") instanceof String alg)) {
            return Result.invalid("JWS header has no alg");
        }
        if (alg.equalsIgnoreCase("none")) {
            return Result.invalid("alg none is not accepted: unsigned JWS are refused");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(alg).orElse(null);
        if (algorithm == null) {
            return Result.invalid("unsupported JWS alg " + alg + "; expected EdDSA, ES256 or SM2SM3");
        }
        SignatureAlgorithm keyAlgorithm = SignatureAlgorithm.forKey(key).orElse(null);
        if (keyAlgorithm == null) {
            return Result.invalid("the given %s key cannot verify signatures"
                    .formatted(KeyType.of(key).map(Enum::name).orElse(key.getAlgorithm())));
        }
        if (algorithm != keyAlgorithm) {
            return Result.invalid("JWS alg %s does not match the %s key (expected alg %s)"
                    .formatted(alg, keyAlgorithm.keyType(), keyAlgorithm.jwsName()));
        }
        if (header.containsKey("b64")) {
            return Result.invalid("unencoded payloads (b64, RFC 7797) are not supported");
        }
        if (header.containsKey("crit")) {
            return Result.invalid("critical header parameters " + header.get("crit") + " are not supported");
        }
        return Result.ok(algorithm);
    }

    private static Result<String[]> split(String compact) {
        if (compact == null || compact.isEmpty()) {
            return Result.invalid("empty JWS");
        }
        if (compact.length() > MAX_COMPACT_LENGTH) {
            return Result.invalid("JWS longer than %d characters".formatted(MAX_COMPACT_LENGTH));
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Result.invalid("a compact JWS has 3 dot-separated parts, not " + parts.length);
        }
        String[] names = {"header", "payload", "signature"};
        for (int i = 0; i < 3; i++) {
            if (!Base64Url.isUnpadded(parts[i])) {
                return Result.invalid("JWS " + names[i] + " is not unpadded base64url");
            }
        }
        if (parts[0].isEmpty() || parts[2].isEmpty()) {
            return Result.invalid("JWS header and signature must not be empty");
        }
        return Result.ok(parts);
    }

    private static Result<Map<String, Object>> header(String encoded) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            Map<String, Object> header = JSONObjectUtils.parse(json);
            // nimbus parses the JSON literal null to no map at all rather than refusing it
            return header == null ? Result.invalid("JWS header is not a base64url JSON object") : Result.ok(header);
        } catch (ParseException | IllegalArgumentException e) {
            return Result.invalid("JWS header is not a base64url JSON object");
        }
    }
}
