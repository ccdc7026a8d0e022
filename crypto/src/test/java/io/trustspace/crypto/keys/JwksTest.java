package io.trustspace.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.Fixtures;
import io.trustspace.crypto.KeyType;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JwksTest {

    private static final CryptoSuite INTL = CryptoSuites.of(SuiteId.INTL);

    static Stream<PublicKey> publicKeys() {
        return Stream.of(
                INTL.generateKeyPair(SignatureAlgorithm.ED25519).getPublic(),
                INTL.generateKeyPair(SignatureAlgorithm.ES256).getPublic(),
                INTL.generateEncryptionKeyPair().getPublic(),
                CryptoSuites.of(SuiteId.GM).generateSigningKeyPair().getPublic());
    }

    @ParameterizedTest
    @MethodSource("publicKeys")
    void jwk_roundTrips(PublicKey key) {
        String json = Jwks.toJson(key);

        assertThat(Jwks.parse(json).orElseThrow()).isEqualTo(key);
        assertThat(Jwks.fromJwk(Jwks.toJwk(key)).orElseThrow()).isEqualTo(key);
    }

    @Test
    void jwkMembers_followTheRfcs() {
        PublicKey ed = KeyType.ED25519
                .publicKey(Fixtures.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
                .orElseThrow();
        Map<String, Object> sm2 =
                Jwks.toJwk(CryptoSuites.of(SuiteId.GM).generateSigningKeyPair().getPublic());

        // RFC 8037 appendix A.2
        assertThat(Jwks.toJson(ed))
                .isEqualTo(
                        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
        assertThat(sm2).containsEntry("kty", "EC").containsEntry("crv", "SM2").containsKeys("x", "y");
        assertThat((String) sm2.get("x")).hasSize(43);
    }

    @Test
    void thumbprint_matchesRfc8037AppendixA3() {
        PublicKey ed = KeyType.ED25519
                .publicKey(Fixtures.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
                .orElseThrow();

        assertThat(Jwks.thumbprint(ed, INTL)).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void badJwks_areClearFailures() {
        Map<String, Object> jwk = new LinkedHashMap<>(
                Jwks.toJwk(INTL.generateKeyPair(SignatureAlgorithm.ES256).getPublic()));

        Map<String, Object> withD = new LinkedHashMap<>(jwk);
        withD.put("d", "AAAA");
        assertThat(Jwks.fromJwk(withD))
                .isEqualTo(Result.invalid("JWK holds a private key ('d'); only public JWKs are accepted"));

        Map<String, Object> p384 = new LinkedHashMap<>(jwk);
        p384.put("crv", "P-384");
        assertThat(Jwks.fromJwk(p384)).isEqualTo(Result.invalid("unsupported JWK kty EC with crv P-384"));

        Map<String, Object> shortX = new LinkedHashMap<>(jwk);
        shortX.put("x", "AAAA");
        assertThat(Jwks.fromJwk(shortX)).isEqualTo(Result.invalid("JWK member x must decode to 32 bytes, not 3"));

        Map<String, Object> offCurve = new LinkedHashMap<>(jwk);
        offCurve.put("y", jwk.get("x"));
        assertThat(Jwks.fromJwk(offCurve)).isEqualTo(Result.invalid("not a valid P-256 public key"));

        assertThat(Jwks.parse("[1]")).isEqualTo(Result.invalid("JWK is not a JSON object"));
        assertThat(Jwks.parse("{\"kty\":\"OKP\"}")).isEqualTo(Result.invalid("JWK needs string members kty and crv"));
    }
}
