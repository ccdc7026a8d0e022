package io.trustspace.crypto.keys;

import io.trustspace.common.Result;
import io.trustspace.crypto.AeadAlgorithm;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.security.auth.Destroyable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Seals private keys at rest under a key-encryption key (KEK) derived from a passphrase with PBKDF2-HMAC-SHA256
 * ({@value #ITERATIONS} iterations) and a random 16-byte salt, and opens them again. The stored form is
 * {@link SealedKey}.
 *
 * <p>Deriving a KEK takes a few hundred milliseconds by design, so it happens once per (passphrase, salt): every key
 * this sealer seals shares its salt and KEK (each gets its own random nonce), and the KEKs of opened keys are kept
 * for the next open with the same salt. A wrong passphrase is an {@code UNAUTHORIZED} failure that names neither the
 * passphrase nor any key material.
 *
 * <p>Thread-safe. The sealer holds a copy of the passphrase and the derived KEKs until {@link #destroy()}; its
 * {@code toString()} shows neither.
 */
public final class KeySealer implements Destroyable {

    public static final int ITERATIONS = SealedKey.MIN_ITERATIONS;

    /** Enough for the handful of salts a node meets (its own plus keys restored from elsewhere). */
    private static final int MAX_CACHED_KEKS = 8;

    private final char[] passphrase;
    private final AeadAlgorithm cipher;
    private final SecureRandom random;
    private final byte[] salt;
    private final Map<KekId, byte[]> keks = new LinkedHashMap<>(16, 0.75f, true);
    private boolean destroyed;

    /** Which KEK: PBKDF2 output depends on salt, iterations and the cipher's key length. */
    private record KekId(String salt, int iterations, AeadAlgorithm cipher) {}

    /**
     * A sealer that seals with {@code cipher} (the suite's: AES-256-GCM in intl, SM4-GCM in gm) and opens keys sealed
     * with either cipher. The passphrase is copied; the caller may wipe its array.
     *
     * @throws IllegalArgumentException for an empty passphrase
     */
    public KeySealer(char[] passphrase, AeadAlgorithm cipher, SecureRandom random) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("a key sealer needs a non-empty passphrase");
        }
        this.passphrase = passphrase.clone();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.random = Objects.requireNonNull(random, "random");
        this.salt = new byte[SealedKey.SALT_LENGTH];
        random.nextBytes(salt);
    }

    /** Seals {@code secret}; the first call derives the KEK. */
    public SealedKey seal(byte[] secret) {
        byte[] raw = kek(new KekId(encode(salt), ITERATIONS, cipher), salt, true);
        SecretKey kek;
        try {
            kek = cipher.secretKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        byte[] nonce = new byte[AeadAlgorithm.NONCE_LENGTH];
        random.nextBytes(nonce);
        // The header is the associated data and contains the nonce, so build it around a placeholder first.
        SealedKey unsealed = new SealedKey(ITERATIONS, salt, cipher, nonce, new byte[AeadAlgorithm.TAG_LENGTH]);
        byte[] ciphertext = cipher.encrypt(kek, nonce, secret, unsealed.associatedData());
        return new SealedKey(ITERATIONS, salt, cipher, nonce, ciphertext);
    }

    /** Seals the PKCS#8 encoding of {@code key}. */
    public SealedKey seal(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("the private key cannot be exported (no PKCS#8 encoding)");
        }
        try {
            return seal(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The sealed secret; {@code UNAUTHORIZED} if the passphrase is wrong or the sealed key was altered. */
    public Result<byte[]> open(SealedKey sealed) {
        KekId id = new KekId(encode(sealed.salt()), sealed.iterations(), sealed.cipher());
        byte[] kek = kek(id, sealed.salt(), false);
        try {
            Result<byte[]> opened = sealed.cipher()
                    .decrypt(
                            sealed.cipher().secretKey(kek),
                            sealed.nonce(),
                            sealed.ciphertext(),
                            sealed.associatedData());
            if (!opened.isOk()) {
                return Result.unauthorized(
                        "cannot open the sealed key: wrong passphrase, or the sealed key was altered");
            }
            remember(id, kek);
            return opened;
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** {@link #open(SealedKey)} for the stored string form. */
    public Result<byte[]> open(String encoded) {
        return SealedKey.parse(encoded).flatMap(this::open);
    }

    /** Opens a key sealed with {@link #seal(PrivateKey)}. */
    public Result<PrivateKey> openPrivateKey(SealedKey sealed) {
        return open(sealed).flatMap(pkcs8 -> {
            try {
                return PemKeys.privateKey(PrivateKeyInfo.getInstance(pkcs8));
            } catch (IllegalArgumentException e) {
                return Result.invalid("the sealed secret is not a PKCS#8 private key");
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        });
    }

    /** {@link #openPrivateKey(SealedKey)} for the stored string form. */
    public Result<PrivateKey> openPrivateKey(String encoded) {
        return SealedKey.parse(encoded).flatMap(this::openPrivateKey);
    }

    /** Wipes the passphrase and cached KEKs; the sealer is unusable afterwards. */
    @Override
    public synchronized void destroy() {
        Arrays.fill(passphrase, '\0');
        keks.values().forEach(kek -> Arrays.fill(kek, (byte) 0));
        keks.clear();
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** A cached KEK (a copy), or a fresh derivation; cached at once only for this sealer's own salt. */
    private synchronized byte[] kek(KekId id, byte[] salt, boolean own) {
        if (destroyed) {
            throw new IllegalStateException("this key sealer was destroyed");
        }
        byte[] cached = keks.get(id);
        if (cached != null) {
            return cached.clone();
        }
        byte[] derived = derive(salt, id.iterations(), id.cipher().keyLength());
        if (own) {
            remember(id, derived);
        }
        return derived.clone();
    }

    /** Keys derived for other salts are kept only once they opened something, so junk input cannot evict them. */
    private synchronized void remember(KekId id, byte[] kek) {
        if (destroyed || keks.containsKey(id)) {
            return;
        }
        if (keks.size() >= MAX_CACHED_KEKS) {
            KekId eldest = keks.keySet().iterator().next();
            Arrays.fill(keks.remove(eldest), (byte) 0);
        }
        keks.put(id, kek.clone());
    }

    private byte[] derive(byte[] salt, int iterations, int keyLength) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, keyLength * 8);
        try {
            // SunJCE's PBKDF2 (standard on every JDK) is about twice as fast as Bouncy Castle's here.
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is standard on every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "KeySealer[%s, %s %d iterations%s]"
                .formatted(cipher, SealedKey.KDF, ITERATIONS, destroyed ? ", destroyed" : "");
    }
}
