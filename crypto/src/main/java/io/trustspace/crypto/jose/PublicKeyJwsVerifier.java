package io.trustspace.crypto.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.trustspace.common.Result;
import io.trustspace.crypto.SignatureAlgorithm;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Set;

/**
 * A nimbus {@link JWSVerifier} for one public key: EdDSA/Ed25519, ES256 or SM2SM3, decided by the key, never by the
 * header. A header whose alg does not match the key, any critical header parameter, or a signature that is not the
 * 64-byte raw form is simply invalid. Thread-safe.
 */
public final class PublicKeyJwsVerifier implements JWSVerifier {

    private final PublicKey key;
    private final SignatureAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    /** @throws IllegalArgumentException if the key cannot verify signatures (an X25519 or foreign key) */
    public PublicKeyJwsVerifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = SignatureAlgorithm.forKey(key)
                .orElseThrow(
                        () -> new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot verify a JWS"));
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (SignatureAlgorithm.fromJwsName(header.getAlgorithm().getName()).orElse(null) != algorithm) {
            return false;
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        return verifyRaw(signingInput, signature.decode());
    }

    /** Checks a 64-byte JWS signature; the caller has matched the alg to the key. */
    boolean verifyRaw(byte[] signingInput, byte[] raw) {
        if (raw.length != Jws.SIGNATURE_LENGTH) {
            return false;
        }
        if (algorithm == SignatureAlgorithm.ED25519) {
            return algorithm.verify(key, signingInput, raw);
        }
        Result<byte[]> der = SignatureEncoding.rawToDer(raw);
        return der.isOk() && algorithm.verify(key, signingInput, der.orElseThrow());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return algorithm == SignatureAlgorithm.ED25519
                ? Set.of(Jws.jwsAlgorithm(algorithm), JWSAlgorithm.Ed25519)
                : Set.of(Jws.jwsAlgorithm(algorithm));
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public String toString() {
        return "PublicKeyJwsVerifier[%s]".formatted(algorithm.jwsName());
    }
}
