package io.trustspace.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

/**
 * Signature algorithms of the suites, with their JWS {@code alg} names. Immutable and thread-safe.
 *
 * <p>{@link #verify} is suite-independent: it checks a signature with whatever algorithm the constant names, so a
 * verifier can follow the {@code alg} of a JWS once it has checked that the alg matches the key.
 */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032), JWS alg "EdDSA" (RFC 8037). Default of the intl suite. */
    ED25519("EdDSA"),
    /** ECDSA over P-256 with SHA-256, JWS alg "ES256". */
    ES256("ES256"),
    /** SM2 with SM3 and user id 1234567812345678 (GB/T 32918), DER signatures; JWS alg per docs/adr. Default of gm. */
    SM2_SM3("SM2SM3");

    private final String jwsName;

    SignatureAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    public String jwsName() {
        return jwsName;
    }

    /** The key type this algorithm signs with. */
    public KeyType keyType() {
        return switch (this) {
            case ED25519 -> KeyType.ED25519;
            case ES256 -> KeyType.P256;
            case SM2_SM3 -> KeyType.SM2;
        };
    }

    /** The algorithm a key signs with, or empty for keys that do not sign (X25519) or foreign key types. */
    public static Optional<SignatureAlgorithm> forKey(Key key) {
        return KeyType.of(key).flatMap(type -> switch (type) {
            case ED25519 -> Optional.of(ED25519);
            case P256 -> Optional.of(ES256);
            case SM2 -> Optional.of(SM2_SM3);
            case X25519 -> Optional.empty();
        });
    }

    /**
     * The algorithm for a JWS {@code alg} value. Besides the names above it accepts "Ed25519", the fully-specified
     * name for EdDSA with Ed25519 (RFC 9864). Empty for anything else, including "none".
     */
    public static Optional<SignatureAlgorithm> fromJwsName(String alg) {
        if ("Ed25519".equals(alg)) {
            return Optional.of(ED25519);
        }
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.jwsName.equals(alg)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * True only if {@code signature} (raw for Ed25519, DER for ES256 and SM2) is valid for {@code message} under
     * {@code key}. A key of another type, a malformed signature or any provider error gives false, never an
     * exception.
     */
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (KeyType.of(key).orElse(null) != keyType()) {
            return false;
        }
        return switch (this) {
            case ED25519 -> Ed25519Signatures.verify(key, message, signature);
            case ES256, SM2_SM3 -> EcSignatures.verify(this, key, message, signature);
        };
    }

    byte[] sign(PrivateKey key, byte[] message, SecureRandom random) {
        if (KeyType.of(key).orElse(null) != keyType()) {
            throw new IllegalArgumentException("%s needs a %s key, not %s".formatted(this, keyType(), describe(key)));
        }
        return switch (this) {
            case ED25519 -> Ed25519Signatures.sign(key, message);
            case ES256, SM2_SM3 -> EcSignatures.sign(this, key, message, random);
        };
    }

    KeyPair generateKeyPair(SecureRandom random) {
        return generateKeyPair(keyType(), random);
    }

    static KeyPair generateKeyPair(KeyType type, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.jcaAlgorithm(), CryptoSuites.provider());
            if (type.isEllipticCurve()) {
                generator.initialize(new ECGenParameterSpec(type.curveName()), random);
            } else {
                generator.initialize(255, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + type + " keys", e);
        }
    }

    static String describe(Key key) {
        return KeyType.of(key).map(KeyType::name).orElse(key.getAlgorithm() + " key");
    }
}
