package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The suites' authenticated ciphers: GCM (NIST SP 800-38D) over AES-256 or SM4 (GB/T 32907), both with a 12-byte
 * nonce and a 16-byte tag. Immutable and thread-safe; every call uses its own cipher instance.
 *
 * <p>The framed form used by {@link CryptoSuite#encrypt} is {@code nonce(12) || ciphertext || tag(16)}.
 */
public enum AeadAlgorithm {
    /** AES-256-GCM, the intl cipher. */
    AES_256_GCM("AES-256-GCM", "AES", 32),
    /** SM4-GCM (128-bit key, as in RFC 8998), the gm cipher. */
    SM4_GCM("SM4-GCM", "SM4", 16);

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private final String label;
    private final String jcaName;
    private final int keyLength;

    AeadAlgorithm(String label, String jcaName, int keyLength) {
        this.label = label;
        this.jcaName = jcaName;
        this.keyLength = keyLength;
    }

    /** The name used in stored formats, e.g. {@code AES-256-GCM}. */
    public String label() {
        return label;
    }

    /** Key length in bytes: 32 for AES-256, 16 for SM4. */
    public int keyLength() {
        return keyLength;
    }

    /** Parses a {@link #label()}, case-insensitively. */
    public static Optional<AeadAlgorithm> fromLabel(String label) {
        for (AeadAlgorithm algorithm : values()) {
            if (algorithm.label.equalsIgnoreCase(label)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * Wraps raw key bytes (copied) as a key for this cipher.
     *
     * @throws IllegalArgumentException unless {@code raw} has {@link #keyLength()} bytes
     */
    public SecretKey secretKey(byte[] raw) {
        if (raw.length != keyLength) {
            throw new IllegalArgumentException(
                    "%s needs a %d-byte key, not %d bytes".formatted(label, keyLength, raw.length));
        }
        return new SecretKeySpec(raw, jcaName);
    }

    /** A new random key. */
    public SecretKey generateKey(SecureRandom random) {
        byte[] raw = new byte[keyLength];
        random.nextBytes(raw);
        try {
            return secretKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts under a fresh random nonce; returns {@code nonce || ciphertext || tag}. */
    public byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = encrypt(key, nonce, plaintext, associatedData);
        byte[] framed = new byte[NONCE_LENGTH + sealed.length];
        System.arraycopy(nonce, 0, framed, 0, NONCE_LENGTH);
        System.arraycopy(sealed, 0, framed, NONCE_LENGTH, sealed.length);
        return framed;
    }

    /** Reverses {@link #seal}; an {@code INVALID} failure for short, tampered or foreign input. */
    public Result<byte[]> open(SecretKey key, byte[] framed, byte[] associatedData) {
        if (framed.length < NONCE_LENGTH + TAG_LENGTH) {
            return Result.invalid(
                    "%s ciphertext is %d bytes, shorter than nonce and tag".formatted(label, framed.length));
        }
        return decrypt(
                key,
                Arrays.copyOfRange(framed, 0, NONCE_LENGTH),
                Arrays.copyOfRange(framed, NONCE_LENGTH, framed.length),
                associatedData);
    }

    /**
     * Encrypts with an explicit nonce; returns {@code ciphertext || tag}. The caller guarantees that a nonce is never
     * used twice with the same key: reuse destroys both confidentiality and authenticity under GCM.
     */
    public byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        GCMModeCipher gcm = cipher(true, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return out;
    }

    /** Decrypts {@code ciphertext || tag} with an explicit nonce; an {@code INVALID} failure unless authentic. */
    public Result<byte[]> decrypt(SecretKey key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_LENGTH) {
            return Result.invalid(label + " ciphertext is shorter than its tag");
        }
        GCMModeCipher gcm = cipher(false, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(ciphertextAndTag.length)];
        try {
            int written = gcm.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
            gcm.doFinal(out, written);
            return Result.ok(out);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            return Result.invalid(label + " authentication failed: wrong key or associated data, or altered data");
        }
    }

    private GCMModeCipher cipher(boolean encrypt, SecretKey key, byte[] nonce, byte[] associatedData) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(label + " needs a 12-byte nonce");
        }
        byte[] raw = key.getEncoded();
        try {
            if (raw == null || raw.length != keyLength) {
                throw new IllegalArgumentException("%s needs a %d-byte key, got %s"
                        .formatted(label, keyLength, raw == null ? "an unexportable key" : raw.length + " bytes"));
            }
            GCMModeCipher gcm = GCMBlockCipher.newInstance(engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(raw), TAG_LENGTH * 8, nonce, associatedData));
            return gcm;
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private BlockCipher engine() {
        return switch (this) {
            case AES_256_GCM -> AESEngine.newInstance();
            case SM4_GCM -> new SM4Engine();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
