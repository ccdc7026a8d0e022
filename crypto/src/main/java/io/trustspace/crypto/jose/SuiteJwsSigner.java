package io.trustspace.crypto.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SignatureAlgorithm;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Set;

/**
 * A nimbus {@link JWSSigner} that signs through a {@link CryptoSuite}: EdDSA (Ed25519), ES256 and SM2SM3, the last two
 * as raw {@code r || s}. Usable wherever nimbus takes a signer ({@code JWSObject}, {@code SignedJWT}). Thread-safe;
 * {@code toString()} does not show the key.
 */
public final class SuiteJwsSigner implements JWSSigner {

    private final CryptoSuite suite;
    private final PrivateKey key;
    private final SignatureAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    /** @throws IllegalArgumentException if the key's algorithm is not one the suite signs with */
    public SuiteJwsSigner(CryptoSuite suite, PrivateKey key) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = SignatureAlgorithm.forKey(key)
                .filter(suite.signatureAlgorithms()::contains)
                .orElseThrow(() -> new IllegalArgumentException(
                        "suite " + suite.id().label() + " does not sign with a " + key.getAlgorithm() + " key"));
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public JWSAlgorithm jwsAlgorithm() {
        return Jws.jwsAlgorithm(algorithm);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (SignatureAlgorithm.fromJwsName(header.getAlgorithm().getName()).orElse(null) != algorithm) {
            throw new JOSEException(
                    "header alg %s does not match the %s key".formatted(header.getAlgorithm(), algorithm.jwsName()));
        }
        return Base64URL.encode(signRaw(signingInput));
    }

    /** The 64-byte JWS signature of {@code signingInput}: Ed25519 as is, ECDSA and SM2 converted from DER. */
    byte[] signRaw(byte[] signingInput) {
        byte[] signature = suite.sign(key, signingInput);
        if (algorithm == SignatureAlgorithm.ED25519) {
            return signature;
        }
        return SignatureEncoding.derToRaw(signature, SignatureEncoding.P256_COMPONENT_LENGTH)
                .orElseThrow();
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(jwsAlgorithm());
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public String toString() {
        return "SuiteJwsSigner[%s, suite %s]"
                .formatted(algorithm.jwsName(), suite.id().label());
    }
}
