package io.trustspace.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/** ECDSA P-256 and SM2 signatures through the Bouncy Castle JCA provider, DER-encoded. Thread-safe. */
final class EcSignatures {

    /** The GB/T 32918.2 default distinguishing identifier, also OpenSSL's {@code distid} default for SM2. */
    static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** A DER ECDSA/SM2 signature over a 256-bit curve is at most 72 bytes; anything longer is not one. */
    private static final int MAX_DER_LENGTH = 72;

    private EcSignatures() {}

    static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random) {
        try {
            Signature signature = newSignature(algorithm);
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this " + algorithm + " key", e);
        }
    }

    static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        if (signature.length > MAX_DER_LENGTH) {
            return false;
        }
        try {
            Signature verifier = newSignature(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature newSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            // Deterministic ECDSA (RFC 6979): no signature ever depends on the quality of the random source.
            case ES256 -> Signature.getInstance("SHA256withECDDSA", CryptoSuites.provider());
            case SM2_SM3 -> {
                Signature sm2 = Signature.getInstance("SM3withSM2", CryptoSuites.provider());
                sm2.setParameter(new SM2ParameterSpec(SM2_DEFAULT_USER_ID));
                yield sm2;
            }
            case ED25519 -> throw new IllegalStateException("Ed25519 is not an EC signature here");
        };
    }
}
