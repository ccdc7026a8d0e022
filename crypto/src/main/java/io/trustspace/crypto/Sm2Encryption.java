package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * SM2 public-key encryption (GB/T 32918.4-2016) with SM3, raw {@code C1(65) || C3(32) || C2} output. Thread-safe;
 * every call uses its own engine.
 */
final class Sm2Encryption {

    /** C1 (uncompressed point) plus C3 (SM3 value); C2 is as long as the message and never empty. */
    static final int OVERHEAD = 65 + 32;

    private Sm2Encryption() {}

    static byte[] encrypt(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        requireSm2(recipient);
        if (plaintext.length == 0) {
            throw new IllegalArgumentException("SM2 encryption is not defined for an empty message");
        }
        try {
            SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(PublicKeyFactory.createKey(recipient.getEncoded()), random));
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (IOException | InvalidCipherTextException e) {
            throw new IllegalArgumentException("cannot encrypt for this SM2 key", e);
        }
    }

    static Result<byte[]> decrypt(PrivateKey key, byte[] ciphertext) {
        requireSm2(key);
        if (ciphertext.length <= OVERHEAD) {
            return Result.invalid("SM2 ciphertext is %d bytes, not longer than C1 and C3".formatted(ciphertext.length));
        }
        if (ciphertext[0] != 0x04) {
            return Result.invalid("SM2 ciphertext must start with an uncompressed point C1 (04 || x || y)");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        try {
            engine.init(false, PrivateKeyFactory.createKey(key.getEncoded()));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable SM2 private key", e);
        }
        try {
            return Result.ok(engine.processBlock(ciphertext, 0, ciphertext.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Result.invalid("SM2 decryption failed: not encrypted for this key, or altered");
        }
    }

    private static void requireSm2(Key key) {
        if (KeyType.of(key).orElse(null) != KeyType.SM2) {
            throw new IllegalArgumentException("gm encrypts with SM2 keys, not " + SignatureAlgorithm.describe(key));
        }
    }
}
