package io.trustspace.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.keys.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwsTest {

    private static final CryptoSuite INTL = CryptoSuites.of(SuiteId.INTL);
    private static final CryptoSuite GM = CryptoSuites.of(SuiteId.GM);
    private static final KeyPair ED25519 = INTL.generateKeyPair(SignatureAlgorithm.ED25519);
    private static final KeyPair ES256 = INTL.generateKeyPair(SignatureAlgorithm.ES256);
    private static final KeyPair SM2 = GM.generateSigningKeyPair();
    private static final byte[] PAYLOAD = "{\"iss\":\"did:web:provider.example\"}".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of(INTL, ED25519, "EdDSA"),
                Arguments.of(INTL, ES256, "ES256"),
                Arguments.of(GM, SM2, "SM2SM3"));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void sign_thenVerify_returnsHeaderAndPayload(CryptoSuite suite, KeyPair keys, String alg) {
        String jws = Jws.sign(suite, keys.getPrivate(), "key-1", Map.of("typ", "vc+jwt"), PAYLOAD);

        VerifiedJws verified = Jws.verify(jws, keys.getPublic()).orElseThrow();

        assertThat(verified.algorithm().jwsName()).isEqualTo(alg);
        assertThat(verified.kid()).isEqualTo("key-1");
        assertThat(verified.type()).contains("vc+jwt");
        assertThat(verified.header()).containsEntry("alg", alg);
        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(Base64.getUrlDecoder().decode(jws.split("\\.")[2])).hasSize(64);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void tamperedPayloadOrSignature_isUnauthorized(CryptoSuite suite, KeyPair keys, String alg) {
        String jws = Jws.sign(suite, keys.getPrivate(), null, Map.of(), PAYLOAD);
        String[] parts = jws.split("\\.");
        String otherPayload = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        String otherSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);

        Result<VerifiedJws> unauthorized = Result.unauthorized("JWS signature does not verify under the given key");
        assertThat(Jws.verify(otherPayload, keys.getPublic())).isEqualTo(unauthorized);
        assertThat(Jws.verify(otherSignature, keys.getPublic())).isEqualTo(unauthorized);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void detachedPayload_verifiesOnlyWithThatPayload(CryptoSuite suite, KeyPair keys, String alg) {
        String jws = Jws.signDetached(suite, keys.getPrivate(), "k", Map.of(), PAYLOAD);

        assertThat(jws).contains("..");
        assertThat(Jws.verifyDetached(jws, PAYLOAD, keys.getPublic())
                        .orElseThrow()
                        .payload())
                .isEqualTo(PAYLOAD);
        assertThat(Jws.verifyDetached(jws, "other".getBytes(StandardCharsets.UTF_8), keys.getPublic()))
                .isInstanceOf(Result.Failure.class);
        String attached = Jws.sign(suite, keys.getPrivate(), "k", Map.of(), PAYLOAD);
        assertThat(Jws.verifyDetached(attached, PAYLOAD, keys.getPublic()))
                .isEqualTo(Result.invalid("expected a detached JWS (header..signature), but it carries a payload"));
    }

    @Test
    void algConfusion_isRejectedBeforeVerifying() {
        String es256 = Jws.sign(INTL, ES256.getPrivate(), null, Map.of(), PAYLOAD);
        String sm2 = Jws.sign(GM, SM2.getPrivate(), null, Map.of(), PAYLOAD);
        // The same signature bytes relabelled SM2SM3 must not be checked against an SM2 key, and vice versa.
        String relabelled = header("{\"alg\":\"SM2SM3\"}") + es256.substring(es256.indexOf('.'));

        assertThat(Jws.verify(es256, SM2.getPublic()))
                .isEqualTo(Result.invalid("JWS alg ES256 does not match the SM2 key (expected alg SM2SM3)"));
        assertThat(Jws.verify(sm2, ES256.getPublic()))
                .isEqualTo(Result.invalid("JWS alg SM2SM3 does not match the P256 key (expected alg ES256)"));
        assertThat(Jws.verify(relabelled, ES256.getPublic()))
                .isEqualTo(Result.invalid("JWS alg SM2SM3 does not match the P256 key (expected alg ES256)"));
        assertThat(Jws.verify(relabelled, SM2.getPublic())).isInstanceOf(Result.Failure.class);
        assertThat(Jws.verify(es256, ED25519.getPublic())).isInstanceOf(Result.Failure.class);
        assertThat(Jws.verify(es256, INTL.generateEncryptionKeyPair().getPublic()))
                .isEqualTo(Result.invalid("the given X25519 key cannot verify signatures"));
    }

    @Test
    void algNone_andUnknownAlgs_areRejected() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(PAYLOAD);

        assertThat(Jws.verify(header("{\"alg\":\"none\"}") + "." + payload + ".AAAA", ED25519.getPublic()))
                .isEqualTo(Result.invalid("alg none is not accepted: unsigned JWS are refused"));
        assertThat(Jws.verify(header("{\"alg\":\"none\"}") + "." + payload + ".", ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS header and signature must not be empty"));
        assertThat(Jws.verify(header("{\"alg\":\"HS256\"}") + "." + payload + ".AAAA", ED25519.getPublic()))
                .isEqualTo(Result.invalid("unsupported JWS alg HS256; expected EdDSA, ES256 or SM2SM3"));
        assertThat(Jws.verify(header("{\"typ\":\"JWT\"}") + "." + payload + ".AAAA", ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS header has no alg"));
    }

    @Test
    void malformedOrOversizedInput_isInvalidWithAReason() {
        String jws = Jws.sign(INTL, ED25519.getPrivate(), null, Map.of(), PAYLOAD);
        String[] parts = jws.split("\\.");

        assertThat(Jws.verify("a.b", ED25519.getPublic()))
                .isEqualTo(Result.invalid("a compact JWS has 3 dot-separated parts, not 2"));
        assertThat(Jws.verify(jws + "=", ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS signature is not unpadded base64url"));
        assertThat(Jws.verify("x".repeat(Jws.MAX_COMPACT_LENGTH + 1), ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS longer than 1048576 characters"));
        assertThat(Jws.verify("e30." + parts[1] + "." + parts[2], ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS header has no alg"));
        assertThat(Jws.verify("bm90IGpzb24." + parts[1] + "." + parts[2], ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS header is not a base64url JSON object"));
        assertThat(Jws.verify(parts[0] + "." + parts[1] + ".AAAA", ED25519.getPublic()))
                .isEqualTo(Result.invalid("a EdDSA signature has 64 bytes, not 3"));
        // Same signature bytes, another spelling: 86 characters carry 516 bits, the last 4 of them unused.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(parts[2].charAt(parts[2].length() - 1));
        String respelled = parts[2].substring(0, parts[2].length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(Base64.getUrlDecoder().decode(respelled))
                .isEqualTo(Base64.getUrlDecoder().decode(parts[2]));
        assertThat(Jws.verify(parts[0] + "." + parts[1] + "." + respelled, ED25519.getPublic()))
                .isEqualTo(Result.invalid("JWS signature is not canonical base64url"));
    }

    @Test
    void criticalAndUnencodedPayloadHeaders_areRejected() {
        String b64 = Jws.sign(INTL, ED25519.getPrivate(), null, Map.of(), PAYLOAD);
        String[] parts = b64.split("\\.");

        assertThat(Jws.verify(
                        header("{\"alg\":\"EdDSA\",\"crit\":[\"exp\"],\"exp\":1}") + "." + parts[1] + "." + parts[2],
                        ED25519.getPublic()))
                .isEqualTo(Result.invalid("critical header parameters [exp] are not supported"));
        assertThat(Jws.verify(
                        header("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}") + "." + parts[1] + "."
                                + parts[2],
                        ED25519.getPublic()))
                .isEqualTo(Result.invalid("unencoded payloads (b64, RFC 7797) are not supported"));
    }

    @Test
    void headersSetByJws_cannotBeOverriddenByTheCaller() {
        assertThatThrownBy(() -> Jws.sign(INTL, ED25519.getPrivate(), null, Map.of("alg", "none"), PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jws.sign(INTL, SM2.getPrivate(), null, Map.of(), PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void es256_interoperatesWithNimbusEcdsa() throws Exception {
        String ours = Jws.sign(INTL, ES256.getPrivate(), "k", Map.of(), PAYLOAD);
        assertThat(JWSObject.parse(ours).verify(new ECDSAVerifier((ECPublicKey) ES256.getPublic())))
                .isTrue();

        JWSObject theirs = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new Payload(PAYLOAD));
        theirs.sign(new ECDSASigner((ECPrivateKey) ES256.getPrivate()));
        assertThat(Jws.verify(theirs.serialize(), ES256.getPublic())
                        .orElseThrow()
                        .payload())
                .isEqualTo(PAYLOAD);
    }

    @Test
    void fullySpecifiedEd25519Alg_isAccepted() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.Ed25519), new Payload(PAYLOAD));
        jws.sign(new SuiteJwsSignerForAlg(INTL, ED25519));

        assertThat(Jws.verify(jws.serialize(), ED25519.getPublic())
                        .orElseThrow()
                        .algorithm())
                .isEqualTo(SignatureAlgorithm.ED25519);
    }

    @Test
    void sm2Jws_carryingItsJwkInTheHeader_verifies() {
        Map<String, Object> jwk = Jwks.toJwk(SM2.getPublic());

        String jws = Jws.sign(GM, SM2.getPrivate(), null, Map.of("jwk", jwk), PAYLOAD);

        assertThat(Jws.verify(jws, SM2.getPublic()).orElseThrow().header()).containsEntry("jwk", jwk);
    }

    @Test
    void unverifiedHeader_exposesTheKidForKeyLookup() {
        String jws = Jws.sign(GM, SM2.getPrivate(), "did:web:a#key-2", Map.of(), PAYLOAD);

        assertThat(Jws.unverifiedHeader(jws).orElseThrow()).containsEntry("kid", "did:web:a#key-2");
    }

    @Test
    void unverifiedHeader_thatIsNoObject_isInvalid() {
        // "null" base64url-encoded: nimbus parses it to no map at all, which callers would dereference.
        for (String jws : new String[] {"bnVsbA..AAAA", "WzFd..AAAA", "MQ..AAAA"}) {
            assertThat(Jws.unverifiedHeader(jws).isOk()).as(jws).isFalse();
        }
    }

    @Test
    void signerAndVerifier_doNotPrintKeys() {
        assertThat(new SuiteJwsSigner(GM, SM2.getPrivate()).toString()).isEqualTo("SuiteJwsSigner[SM2SM3, suite gm]");
        assertThat(new PublicKeyJwsVerifier(ED25519.getPublic()).toString()).isEqualTo("PublicKeyJwsVerifier[EdDSA]");
        String jws = Jws.sign(INTL, ED25519.getPrivate(), "k", Map.of(), PAYLOAD);
        assertThat(Jws.verify(jws, ED25519.getPublic()).orElseThrow().toString())
                .isEqualTo("VerifiedJws[EdDSA, kid=k, 34-byte payload]");
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flip(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }

    /** Signs whatever Ed25519 alg name the header carries, to produce an RFC 9864 "Ed25519" token. */
    private record SuiteJwsSignerForAlg(CryptoSuite suite, KeyPair keys) implements com.nimbusds.jose.JWSSigner {
        @Override
        public com.nimbusds.jose.util.Base64URL sign(JWSHeader header, byte[] signingInput) {
            return com.nimbusds.jose.util.Base64URL.encode(suite.sign(keys.getPrivate(), signingInput));
        }

        @Override
        public java.util.Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return java.util.Set.of(JWSAlgorithm.Ed25519);
        }

        @Override
        public com.nimbusds.jose.jca.JCAContext getJCAContext() {
            return new com.nimbusds.jose.jca.JCAContext();
        }
    }
}
