package io.trustspace.crypto.keys;

import io.trustspace.common.Result;
import io.trustspace.crypto.AeadAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A secret (usually a PKCS#8 private key) encrypted at rest by a {@link KeySealer}. Immutable value; arrays are
 * copied in and out.
 *
 * <p>Stored form, one ASCII line for a text column, seven fields separated by dots, binary fields base64url without
 * padding:
 *
 * <pre>tsk1.pbkdf2-sha256.&lt;iterations&gt;.&lt;salt(16)&gt;.&lt;cipher&gt;.&lt;nonce(12)&gt;.&lt;ciphertext||tag(16)&gt;</pre>
 *
 * for example {@code tsk1.pbkdf2-sha256.600000.q0v….aes-256-gcm.3f9…}. {@code tsk1} is the format version; the key
 * -encryption key is PBKDF2-HMAC-SHA256(passphrase as UTF-8, salt, iterations) with the cipher's key length; the
 * cipher is {@code aes-256-gcm} or {@code sm4-gcm}. Everything before the last dot is the GCM associated data, so no
 * parameter can be altered without the open failing.
 */
public record SealedKey(int iterations, byte[] salt, AeadAlgorithm cipher, byte[] nonce, byte[] ciphertext) {

    public static final String VERSION = "tsk1";
    public static final String KDF = "pbkdf2-sha256";
    public static final int SALT_LENGTH = 16;

    /** Iterations a stored key may ask for; the upper bound stops a planted value from stalling the node. */
    static final int MIN_ITERATIONS = 600_000;

    static final int MAX_ITERATIONS = 10_000_000;

    /** A sealed private key is a few hundred bytes; this bound keeps hostile input cheap to reject. */
    static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public SealedKey {
        Objects.requireNonNull(cipher, "cipher");
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "iterations must be between %d and %d".formatted(MIN_ITERATIONS, MAX_ITERATIONS));
        }
        if (salt.length != SALT_LENGTH || nonce.length != AeadAlgorithm.NONCE_LENGTH) {
            throw new IllegalArgumentException("salt must be 16 bytes and nonce 12 bytes");
        }
        if (ciphertext.length < AeadAlgorithm.TAG_LENGTH) {
            throw new IllegalArgumentException("ciphertext is shorter than its tag");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The stored form described above. */
    public String encode() {
        return header() + "." + BASE64URL.encodeToString(ciphertext);
    }

    /** Parses the stored form; anything malformed, unknown or out of bounds is an {@code INVALID} failure. */
    public static Result<SealedKey> parse(String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            return Result.invalid("sealed key longer than %d characters".formatted(MAX_ENCODED_LENGTH));
        }
        String[] fields = encoded.strip().split("\\.", -1);
        if (fields.length != 7) {
            return Result.invalid("sealed key must have 7 dot-separated fields, not " + fields.length);
        }
        if (!fields[0].equals(VERSION)) {
            return Result.invalid("unknown sealed key version; expected " + VERSION);
        }
        if (!fields[1].equals(KDF)) {
            return Result.invalid("unknown key derivation; expected " + KDF);
        }
        AeadAlgorithm cipher = AeadAlgorithm.fromLabel(fields[4]).orElse(null);
        if (cipher == null) {
            return Result.invalid("unknown sealed key cipher; expected aes-256-gcm or sm4-gcm");
        }
        try {
            int iterations = Integer.parseInt(fields[2]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                return Result.invalid(
                        "sealed key iterations out of range %d..%d".formatted(MIN_ITERATIONS, MAX_ITERATIONS));
            }
            byte[] salt = decode(fields[3]);
            byte[] nonce = decode(fields[5]);
            byte[] ciphertext = decode(fields[6]);
            if (salt.length != SALT_LENGTH || nonce.length != AeadAlgorithm.NONCE_LENGTH) {
                return Result.invalid("sealed key salt must be 16 bytes and nonce 12 bytes");
            }
            if (ciphertext.length < AeadAlgorithm.TAG_LENGTH) {
                return Result.invalid("sealed key ciphertext is shorter than its tag");
            }
            return Result.ok(new SealedKey(iterations, salt, cipher, nonce, ciphertext));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Result.invalid("sealed key has a malformed number or base64url field");
        }
    }

    /** The first six fields: the associated data that binds every parameter to the ciphertext. */
    String header() {
        return String.join(
                ".",
                VERSION,
                KDF,
                Integer.toString(iterations),
                BASE64URL.encodeToString(salt),
                cipher.label().toLowerCase(Locale.ROOT),
                BASE64URL.encodeToString(nonce));
    }

    byte[] associatedData() {
        return header().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String field) {
        if (field.contains("=")) {
            throw new IllegalArgumentException("padding");
        }
        return Base64.getUrlDecoder().decode(field);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedKey that
                && iterations == that.iterations
                && cipher == that.cipher
                && Arrays.equals(salt, that.salt)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                iterations, cipher, Arrays.hashCode(salt), Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    /** Parameters and length only: the ciphertext is not secret, but it has no place in logs. */
    @Override
    public String toString() {
        return "SealedKey[%s, %s %d iterations, %d bytes]".formatted(cipher, KDF, iterations, ciphertext.length);
    }
}
