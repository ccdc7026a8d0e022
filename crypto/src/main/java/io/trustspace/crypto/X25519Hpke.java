package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Public-key encryption of the intl suite: HPKE (RFC 9180) in base mode with DHKEM(X25519, HKDF-SHA256) (0x0020),
 * HKDF-SHA256 (0x0001) and AES-256-GCM (0x0002), single-shot, {@link #INFO} as info and empty associated data.
 *
 * <p>Wire format: {@code enc(32) || ciphertext || tag(16)}, where {@code enc} is the sender's ephemeral X25519 public
 * key. Any RFC 9180 implementation with the same suite and info opens it. Thread-safe.
 */
final class X25519Hpke {

    /** Binds every ciphertext to this use, so an HPKE ciphertext made for another protocol does not open here. */
    static final byte[] INFO = "trustspace/v1 encrypt-for".getBytes(StandardCharsets.US_ASCII);

    private static final int ENC_LENGTH = 32;
    private static final byte[] NO_AAD = new byte[0];

    private X25519Hpke() {}

    static byte[] seal(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        if (KeyType.of(recipient).orElse(null) != KeyType.X25519) {
            throw new IllegalArgumentException(
                    "intl encrypts for X25519 keys, not " + SignatureAlgorithm.describe(recipient));
        }
        try {
            X25519PublicKeyParameters pkR =
                    (X25519PublicKeyParameters) PublicKeyFactory.createKey(recipient.getEncoded());
            X25519KeyPairGenerator generator = new X25519KeyPairGenerator();
            generator.init(new X25519KeyGenerationParameters(random));
            HPKEContextWithEncapsulation context = hpke().setupBaseS(pkR, INFO, generator.generateKeyPair());
            byte[] enc = context.getEncapsulation();
            byte[] sealed = context.seal(NO_AAD, plaintext);
            byte[] out = Arrays.copyOf(enc, enc.length + sealed.length);
            System.arraycopy(sealed, 0, out, enc.length, sealed.length);
            return out;
        } catch (IOException | InvalidCipherTextException e) {
            throw new IllegalArgumentException("cannot encrypt for this X25519 key", e);
        } catch (IllegalStateException e) {
            // X25519 refuses low-order public keys (all-zero shared secret, RFC 9180 section 7.1.4).
            throw new IllegalArgumentException("X25519 recipient key is a low-order point", e);
        }
    }

    static Result<byte[]> open(PrivateKey key, byte[] ciphertext) {
        if (KeyType.of(key).orElse(null) != KeyType.X25519) {
            throw new IllegalArgumentException(
                    "intl decrypts with X25519 keys, not " + SignatureAlgorithm.describe(key));
        }
        if (ciphertext.length < ENC_LENGTH + AeadAlgorithm.TAG_LENGTH) {
            return Result.invalid("HPKE ciphertext is %d bytes, shorter than enc and tag".formatted(ciphertext.length));
        }
        X25519PrivateKeyParameters skR;
        try {
            skR = (X25519PrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable X25519 private key", e);
        }
        try {
            AsymmetricCipherKeyPair recipient = new AsymmetricCipherKeyPair(skR.generatePublicKey(), skR);
            byte[] enc = Arrays.copyOfRange(ciphertext, 0, ENC_LENGTH);
            byte[] sealed = Arrays.copyOfRange(ciphertext, ENC_LENGTH, ciphertext.length);
            return Result.ok(hpke().setupBaseR(enc, recipient, INFO).open(NO_AAD, sealed));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Result.invalid("HPKE decryption failed: not encrypted for this key, or altered");
        }
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
