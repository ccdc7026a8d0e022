package io.trustspace.crypto;

import static io.trustspace.crypto.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trustspace.crypto.keys.PemKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks our output against an independent implementation, the {@code openssl} 3 command line, in both directions.
 * Skipped only where no {@code openssl} is on the PATH.
 */
class OpenSslCrossCheckTest {

    private static final String DISTID = "distid:1234567812345678";
    private static final String PASSPHRASE = "cross-check passphrase";
    private static final byte[] MESSAGE = utf8("evidence record 17: transfer completed\n");

    private final CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
    private final CryptoSuite gm = CryptoSuites.of(SuiteId.GM);

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenSsl() {
        boolean available;
        try {
            available = run(Path.of("."), "openssl", "version").startsWith("OpenSSL 3");
        } catch (IOException | AssertionError e) {
            available = false;
        }
        assumeTrue(available, "openssl 3 is not on the PATH");
    }

    @Test
    void sm3_equalsOpenSslDgst() throws IOException {
        Path message = write("msg", MESSAGE);
        Path digest = dir.resolve("digest");

        run(dir, "openssl", "dgst", "-sm3", "-binary", "-out", digest.toString(), message.toString());

        assertThat(Files.readAllBytes(digest)).isEqualTo(gm.digest(MESSAGE));
    }

    @Test
    void ourSm2Signature_verifiesWithOpenSsl() throws IOException {
        KeyPair keys = gm.generateSigningKeyPair();
        Path publicKey = write("public.pem", PemKeys.writePublicKey(keys.getPublic()));
        Path message = write("msg", MESSAGE);
        Path signature = write("sig", gm.sign(keys.getPrivate(), MESSAGE));

        String out = run(
                dir,
                "openssl",
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                publicKey.toString(),
                "-rawin",
                "-digest",
                "sm3",
                "-pkeyopt",
                DISTID,
                "-in",
                message.toString(),
                "-sigfile",
                signature.toString());

        assertThat(out).contains("Signature Verified Successfully");
    }

    @Test
    void openSslSm2SignatureAndKeys_areReadAndVerifiedByUs() throws IOException {
        Path privateKey = dir.resolve("key.pem");
        Path publicKey = dir.resolve("public.pem");
        Path encrypted = dir.resolve("encrypted.pem");
        Path message = write("msg", MESSAGE);
        Path signature = dir.resolve("sig");
        run(dir, "openssl", "genpkey", "-algorithm", "SM2", "-out", privateKey.toString());
        run(dir, "openssl", "pkey", "-in", privateKey.toString(), "-pubout", "-out", publicKey.toString());
        run(
                dir,
                "openssl",
                "pkey",
                "-in",
                privateKey.toString(),
                "-aes256",
                "-passout",
                "pass:" + PASSPHRASE,
                "-out",
                encrypted.toString());
        run(
                dir,
                "openssl",
                "pkeyutl",
                "-sign",
                "-inkey",
                privateKey.toString(),
                "-rawin",
                "-digest",
                "sm3",
                "-pkeyopt",
                DISTID,
                "-in",
                message.toString(),
                "-out",
                signature.toString());

        PublicKey ourPublic = PemKeys.readPublicKey(Files.readString(publicKey)).orElseThrow();
        PrivateKey ourPrivate = PemKeys.readPrivateKey(Files.readString(privateKey), new char[0])
                .orElseThrow();
        PrivateKey decrypted = PemKeys.readPrivateKey(Files.readString(encrypted), PASSPHRASE.toCharArray())
                .orElseThrow();

        assertThat(KeyType.of(ourPublic)).contains(KeyType.SM2);
        assertThat(KeyType.of(ourPrivate)).contains(KeyType.SM2);
        assertThat(decrypted.getEncoded()).isEqualTo(ourPrivate.getEncoded());
        assertThat(gm.verify(ourPublic, MESSAGE, Files.readAllBytes(signature))).isTrue();
        assertThat(gm.verify(ourPublic, utf8("other"), Files.readAllBytes(signature)))
                .isFalse();
        // The key OpenSSL made signs for OpenSSL through us, too.
        assertThat(gm.verify(ourPublic, MESSAGE, gm.sign(ourPrivate, MESSAGE))).isTrue();
    }

    @Test
    void ourEd25519Signature_verifiesWithOpenSsl() throws IOException {
        KeyPair keys = intl.generateKeyPair(SignatureAlgorithm.ED25519);
        Path publicKey = write("public.pem", PemKeys.writePublicKey(keys.getPublic()));
        Path message = write("msg", MESSAGE);
        Path signature = write("sig", intl.sign(keys.getPrivate(), MESSAGE));

        String out = run(
                dir,
                "openssl",
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                publicKey.toString(),
                "-rawin",
                "-in",
                message.toString(),
                "-sigfile",
                signature.toString());

        assertThat(out).contains("Signature Verified Successfully");
    }

    @Test
    void ourEs256Signature_verifiesWithOpenSsl() throws IOException {
        KeyPair keys = intl.generateKeyPair(SignatureAlgorithm.ES256);
        Path publicKey = write("public.pem", PemKeys.writePublicKey(keys.getPublic()));
        Path message = write("msg", MESSAGE);
        Path signature = write("sig", intl.sign(keys.getPrivate(), MESSAGE));

        String out = run(
                dir,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                publicKey.toString(),
                "-signature",
                signature.toString(),
                message.toString());

        assertThat(out).contains("Verified OK");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void ourEncryptedPrivateKeyPem_opensWithOpenSsl(KeyType type) throws IOException {
        KeyPair keys = SignatureAlgorithm.generateKeyPair(type, new SecureRandom());
        Path privateKey = write(
                "private.pem",
                PemKeys.writeEncryptedPrivateKey(keys.getPrivate(), PASSPHRASE.toCharArray(), new SecureRandom()));
        Path publicKey = dir.resolve("public.pem");

        run(
                dir,
                "openssl",
                "pkey",
                "-in",
                privateKey.toString(),
                "-passin",
                "pass:" + PASSPHRASE,
                "-pubout",
                "-out",
                publicKey.toString());

        assertThat(PemKeys.readPublicKey(Files.readString(publicKey)).orElseThrow())
                .isEqualTo(keys.getPublic());
        assertThat(run(dir, "openssl", "asn1parse", "-in", privateKey.toString()))
                .contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc");
    }

    @Test
    void ourSm2Ciphertext_decryptsWithOpenSsl_andTheirsWithUs() throws IOException {
        KeyPair keys = gm.generateEncryptionKeyPair();
        Path privateKey = write(
                "private.pem",
                PemKeys.writeEncryptedPrivateKey(
                        keys.getPrivate(), PASSPHRASE.toCharArray(), 10_000, new SecureRandom()));
        Path publicKey = write("public.pem", PemKeys.writePublicKey(keys.getPublic()));
        Path ours = write("ours.der", gmt0009(gm.encryptFor(keys.getPublic(), MESSAGE)));
        Path message = write("msg", MESSAGE);
        Path theirs = dir.resolve("theirs.der");
        Path decrypted = dir.resolve("decrypted");

        run(
                dir,
                "openssl",
                "pkeyutl",
                "-decrypt",
                "-inkey",
                privateKey.toString(),
                "-passin",
                "pass:" + PASSPHRASE,
                "-in",
                ours.toString(),
                "-out",
                decrypted.toString());
        run(
                dir,
                "openssl",
                "pkeyutl",
                "-encrypt",
                "-pubin",
                "-inkey",
                publicKey.toString(),
                "-in",
                message.toString(),
                "-out",
                theirs.toString());

        assertThat(Files.readAllBytes(decrypted)).isEqualTo(MESSAGE);
        assertThat(gm.decryptWith(keys.getPrivate(), c1c3c2(Files.readAllBytes(theirs)))
                        .orElseThrow())
                .isEqualTo(MESSAGE);
    }

    /** Raw C1 || C3 || C2 to OpenSSL's GM/T 0009 form SEQUENCE { x, y INTEGER, C3, C2 OCTET STRING }. */
    private static byte[] gmt0009(byte[] c1c3c2) throws IOException {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 33, 65));
        return new DERSequence(new ASN1Encodable[] {
                    new ASN1Integer(x),
                    new ASN1Integer(y),
                    new DEROctetString(Arrays.copyOfRange(c1c3c2, 65, 97)),
                    new DEROctetString(Arrays.copyOfRange(c1c3c2, 97, c1c3c2.length))
                })
                .getEncoded();
    }

    private static byte[] c1c3c2(byte[] gmt0009) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(gmt0009);
        byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
        byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
        byte[] out = new byte[97 + c2.length];
        out[0] = 0x04;
        BigIntegers.asUnsignedByteArray(
                ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), out, 1, 32);
        BigIntegers.asUnsignedByteArray(
                ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), out, 33, 32);
        System.arraycopy(c3, 0, out, 65, 32);
        System.arraycopy(c2, 0, out, 97, c2.length);
        return out;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Runs a command with a bounded wait; fails the test on a non-zero exit code, with openssl's output. */
    private static String run(Path workingDirectory, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "exit %d from %s%n%s".formatted(process.exitValue(), String.join(" ", command), output));
        }
        return output;
    }
}
