package io.trustspace.crypto.keys;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.KeyType;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM encoding of the suites' keys, interoperable with OpenSSL 3.
 *
 * <ul>
 *   <li>Public keys: {@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo. SM2 keys are id-ecPublicKey on
 *       the named curve sm2p256v1, which OpenSSL 3 reads as SM2.
 *   <li>Private keys are written only encrypted: {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, PKCS#8 with PBES2,
 *       PBKDF2-HMAC-SHA256 ({@value #DEFAULT_ITERATIONS} iterations by default) and AES-256-CBC; {@code openssl pkey
 *       -in key.pem -passin pass:...} opens them. Reading also accepts unencrypted {@code PRIVATE KEY} and SEC1
 *       {@code EC PRIVATE KEY}, as OpenSSL writes them.
 * </ul>
 *
 * <p>Bad input is a {@link Result.Failure} whose reason never contains the input, the passphrase or key material.
 * Stateless and thread-safe.
 */
public final class PemKeys {

    /** PBKDF2 iterations for written private keys: OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** Keys are a few hundred characters; a bound keeps a hostile upload from costing more than a parse. */
    static final int MAX_PEM_LENGTH = 64 * 1024;

    /** Reading a file that asks for more PBKDF2 iterations than this is refused: it would stall the reader. */
    static final int MAX_READ_ITERATIONS = 10_000_000;

    private PemKeys() {}

    /** {@code -----BEGIN PUBLIC KEY-----} for any key type of the suites. */
    public static String writePublicKey(PublicKey key) {
        requireSupported(key);
        return pem(new PemObject("PUBLIC KEY", key.getEncoded()));
    }

    /** Reads a {@code PUBLIC KEY} PEM block of one of the suites' key types. */
    public static Result<PublicKey> readPublicKey(String pem) {
        return readBlock(pem, "PUBLIC KEY").flatMap(block -> {
            try {
                PublicKey key = converter().getPublicKey(SubjectPublicKeyInfo.getInstance(block.getContent()));
                return supported(key);
            } catch (PEMException | IllegalArgumentException e) {
                return Result.invalid("PUBLIC KEY block does not hold a readable public key");
            }
        });
    }

    /** {@link #writeEncryptedPrivateKey(PrivateKey, char[], int, SecureRandom)} with {@value #DEFAULT_ITERATIONS}. */
    public static String writeEncryptedPrivateKey(PrivateKey key, char[] passphrase, SecureRandom random) {
        return writeEncryptedPrivateKey(key, passphrase, DEFAULT_ITERATIONS, random);
    }

    /**
     * {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC.
     *
     * @throws IllegalArgumentException for an empty passphrase, fewer than 10,000 iterations or a foreign key type
     */
    public static String writeEncryptedPrivateKey(
            PrivateKey key, char[] passphrase, int iterations, SecureRandom random) {
        requireSupported(key);
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("an encrypted private key needs a non-empty passphrase");
        }
        if (iterations < 10_000 || iterations > MAX_READ_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 10,000 and " + MAX_READ_ITERATIONS);
        }
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(iterations)
                    .setRandom(Objects.requireNonNull(random, "random"))
                    .setPassword(passphrase)
                    .setProvider(CryptoSuites.provider())
                    .build();
            return pem(new PKCS8Generator(pkcs8V1(key), encryptor).generate());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Bouncy Castle cannot encrypt a PKCS#8 key", e);
        }
    }

    /**
     * Reads a private key of one of the suites' types from {@code ENCRYPTED PRIVATE KEY} (PBES2 with PBKDF2 only),
     * {@code PRIVATE KEY} or {@code EC PRIVATE KEY}. The passphrase is used only for the encrypted form. A wrong
     * passphrase is an {@code UNAUTHORIZED} failure; anything malformed or unsupported is {@code INVALID}.
     */
    public static Result<PrivateKey> readPrivateKey(String pem, char[] passphrase) {
        return readBlock(pem, "ENCRYPTED PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY")
                .flatMap(block -> switch (block.getType()) {
                    case "ENCRYPTED PRIVATE KEY" -> decrypt(block.getContent(), passphrase);
                    case "EC PRIVATE KEY" -> sec1(block.getContent());
                    default -> privateKeyInfo(block.getContent());
                })
                .flatMap(PemKeys::privateKey);
    }

    /**
     * The key as a version 1 PKCS#8 structure. Bouncy Castle writes Ed25519 and X25519 keys as version 2 (RFC 5958
     * OneAsymmetricKey, with the public key embedded), which OpenSSL 3.0 refuses to read; the public key is derived from
     * the private one anyway.
     */
    static PrivateKeyInfo pkcs8V1(PrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        return info.hasPublicKey()
                ? new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes())
                : info;
    }

    /** The JCA key for a decoded PKCS#8 structure, if it is one of the suites' key types. */
    static Result<PrivateKey> privateKey(PrivateKeyInfo info) {
        try {
            PrivateKey key = converter().getPrivateKey(info);
            return KeyType.of(key).isPresent()
                    ? Result.ok(key)
                    : Result.invalid("unsupported private key type " + key.getAlgorithm());
        } catch (PEMException | IllegalArgumentException e) {
            return Result.invalid("unreadable private key");
        }
    }

    private static Result<PrivateKeyInfo> decrypt(byte[] content, char[] passphrase) {
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(content);
        } catch (IOException | IllegalArgumentException e) {
            return Result.invalid("ENCRYPTED PRIVATE KEY block is not PKCS#8");
        }
        Result<Void> allowed = checkEncryption(encrypted.getEncryptionAlgorithm());
        if (allowed instanceof Result.Failure<Void> failure) {
            return failure.cast();
        }
        try {
            return Result.ok(encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(CryptoSuites.provider())
                    .build(passphrase)));
        } catch (Exception e) {
            // Padding errors, ASN.1 garbage after a wrong key: all mean the same thing to the caller.
            return Result.unauthorized("cannot decrypt the private key: wrong passphrase, or the file is damaged");
        }
    }

    /** Only PBES2 with a bounded PBKDF2: the old PKCS#12 PBE schemes are weak, and the cost must stay bounded. */
    private static Result<Void> checkEncryption(AlgorithmIdentifier algorithm) {
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            return Result.invalid("unsupported private key encryption " + algorithm.getAlgorithm()
                    + "; re-encrypt with PBES2, e.g. openssl pkey -aes256");
        }
        try {
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
            ASN1ObjectIdentifier kdf = pbes2.getKeyDerivationFunc().getAlgorithm();
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf)) {
                return Result.invalid("unsupported key derivation " + kdf + "; only PBKDF2 is read");
            }
            PBKDF2Params pbkdf2 =
                    PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            if (pbkdf2.getIterationCount().bitLength() > 31
                    || pbkdf2.getIterationCount().intValueExact() > MAX_READ_ITERATIONS) {
                return Result.invalid(
                        "the private key asks for more than %,d PBKDF2 iterations".formatted(MAX_READ_ITERATIONS));
            }
            return Result.ok(null);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Result.invalid("malformed PBES2 parameters");
        }
    }

    private static Result<PrivateKeyInfo> privateKeyInfo(byte[] content) {
        try {
            return Result.ok(PrivateKeyInfo.getInstance(content));
        } catch (IllegalArgumentException e) {
            return Result.invalid("PRIVATE KEY block is not PKCS#8");
        }
    }

    /** SEC1 (RFC 5915) keys carry their curve; rewrap them as PKCS#8 so one converter handles every form. */
    private static Result<PrivateKeyInfo> sec1(byte[] content) {
        try {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(content);
            if (sec1.getParametersObject() == null) {
                return Result.invalid("EC PRIVATE KEY block names no curve");
            }
            return Result.ok(new PrivateKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1));
        } catch (IllegalArgumentException | IOException e) {
            return Result.invalid("EC PRIVATE KEY block is not SEC1");
        }
    }

    /** The first PEM block of one of {@code types}, skipping OpenSSL's {@code EC PARAMETERS} preamble. */
    private static Result<PemObject> readBlock(String pem, String... types) {
        if (pem == null || pem.isBlank()) {
            return Result.invalid("no PEM text");
        }
        if (pem.length() > MAX_PEM_LENGTH) {
            return Result.invalid("PEM text longer than %d characters".formatted(MAX_PEM_LENGTH));
        }
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (block.getType().equals("EC PARAMETERS")) {
                    continue;
                }
                for (String type : types) {
                    if (type.equals(block.getType())) {
                        if (!block.getHeaders().isEmpty()) {
                            return Result.invalid(type + " block with headers (legacy OpenSSL encryption) is not"
                                    + " supported; convert with openssl pkey");
                        }
                        return Result.ok(block);
                    }
                }
                return Result.invalid(
                        "expected a %s block, found %s".formatted(String.join(" or ", types), block.getType()));
            }
            return Result.invalid("no PEM block found (expected %s)".formatted(String.join(" or ", types)));
        } catch (IOException | RuntimeException e) {
            return Result.invalid("malformed PEM: the base64 body or the BEGIN/END lines are broken");
        }
    }

    private static Result<PublicKey> supported(PublicKey key) {
        return KeyType.of(key).isPresent()
                ? Result.ok(key)
                : Result.invalid("unsupported public key type " + key.getAlgorithm());
    }

    private static void requireSupported(Key key) {
        if (KeyType.of(key).isEmpty()) {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
        }
    }

    private static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(CryptoSuites.provider());
    }

    private static String pem(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }
}
