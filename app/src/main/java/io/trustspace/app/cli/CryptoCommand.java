package io.trustspace.app.cli;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.KeyType;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.keys.Jwks;
import io.trustspace.crypto.keys.PemKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Offline crypto tools, so that anyone can cross-check our output with OpenSSL or another implementation. */
@Command(
        name = "crypto",
        mixinStandardHelpOptions = true,
        description = "Key generation, signatures and digests with the intl or gm (国密) suite.",
        subcommands = {
            CryptoCommand.Keygen.class,
            CryptoCommand.Sign.class,
            CryptoCommand.Verify.class,
            CryptoCommand.Digest.class
        })
public final class CryptoCommand {

    /** Maximum input for sign/verify/digest: these tools read the whole file. */
    static final long MAX_INPUT_BYTES = 1L << 30;

    static final class SuiteOption {
        @Option(names = "--suite", required = true, description = "intl or gm")
        String suite;

        CryptoSuite suite() {
            try {
                return CryptoSuites.of(SuiteId.parse(suite));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
    }

    @Command(
            name = "keygen",
            mixinStandardHelpOptions = true,
            description = {
                "Write DIR/public.pem (SubjectPublicKeyInfo) and DIR/private.pem (PKCS#8, encrypted with the passphrase).",
                "gm: SM2; intl: Ed25519 (or --algorithm ES256)."
            })
    static final class Keygen implements Callable<Integer> {
        @Mixin
        SuiteOption suite;

        @Mixin
        PassphraseSource passphrase;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, description = "Directory to write the key pair to.")
        Path out;

        @Option(names = "--algorithm", description = "ED25519, ES256 (intl) or SM2_SM3 (gm); default: the suite's.")
        SignatureAlgorithm algorithm;

        @Override
        public Integer call() throws IOException {
            CryptoSuite cryptoSuite = suite.suite();
            SignatureAlgorithm chosen = algorithm != null ? algorithm : cryptoSuite.signatureAlgorithm();
            if (!cryptoSuite.signatureAlgorithms().contains(chosen)) {
                throw new CliException(chosen + " is not an algorithm of the "
                        + cryptoSuite.id().label() + " suite");
            }
            Path publicFile = out.resolve("public.pem");
            Path privateFile = out.resolve("private.pem");
            if (Files.exists(privateFile)) {
                throw new CliException(privateFile + " exists; refusing to overwrite a private key");
            }
            char[] secret = passphrase.read("passphrase for the new private key", null);
            try {
                KeyPair pair = cryptoSuite.generateKeyPair(chosen);
                Files.createDirectories(out);
                Files.writeString(publicFile, PemKeys.writePublicKey(pair.getPublic()), StandardCharsets.US_ASCII);
                Files.createFile(
                        privateFile,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        privateFile,
                        PemKeys.writeEncryptedPrivateKey(pair.getPrivate(), secret, new SecureRandom()),
                        StandardCharsets.US_ASCII);
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println("algorithm " + chosen);
                stdout.println("kid       " + Jwks.thumbprint(pair.getPublic(), cryptoSuite));
                stdout.println("public    " + publicFile);
                stdout.println("private   " + privateFile + " (encrypted)");
                stdout.flush();
                return 0;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = {"Print the base64 signature of FILE: DER for SM2 and ECDSA, the raw 64 bytes for Ed25519."})
    static final class Sign implements Callable<Integer> {
        @Mixin
        SuiteOption suite;

        @Mixin
        PassphraseSource passphrase;

        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "private.pem")
        Path key;

        @Option(names = "--in", required = true, description = "File to sign.")
        Path in;

        @Override
        public Integer call() throws IOException {
            CryptoSuite cryptoSuite = suite.suite();
            String pem = readText(key);
            char[] secret = pem.contains("ENCRYPTED") ? passphrase.read("passphrase of " + key, null) : new char[0];
            try {
                PrivateKey privateKey = orFail(PemKeys.readPrivateKey(pem, secret), key.toString());
                requireSuiteKey(cryptoSuite, privateKey, key);
                byte[] signature = cryptoSuite.sign(privateKey, readInput(in));
                spec.commandLine().getOut().println(Base64.getEncoder().encodeToString(signature));
                spec.commandLine().getOut().flush();
                return 0;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {"Verify a base64 signature over FILE. Exit 0 if valid, 1 if not, 2 if the input is unusable."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        SuiteOption suite;

        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "public.pem")
        Path key;

        @Option(names = "--in", required = true, description = "Signed file.")
        Path in;

        @Option(names = "--sig", required = true, description = "Signature, base64.")
        String signature;

        @Override
        public Integer call() throws IOException {
            CryptoSuite cryptoSuite = suite.suite();
            PublicKey publicKey = orFail(PemKeys.readPublicKey(readText(key)), key.toString());
            requireSuiteKey(cryptoSuite, publicKey, key);
            byte[] signatureBytes;
            try {
                signatureBytes = Base64.getDecoder().decode(signature.strip());
            } catch (IllegalArgumentException e) {
                throw new CliException("--sig is not base64");
            }
            boolean valid = cryptoSuite.verify(publicKey, readInput(in), signatureBytes);
            spec.commandLine().getOut().println(valid ? "valid" : "invalid");
            spec.commandLine().getOut().flush();
            return valid ? 0 : 1;
        }
    }

    @Command(
            name = "digest",
            mixinStandardHelpOptions = true,
            description = "Print the suite hash (SHA-256 or SM3) of FILE in hex.")
    static final class Digest implements Callable<Integer> {
        @Mixin
        SuiteOption suite;

        @Spec
        CommandSpec spec;

        @Option(names = "--in", required = true, description = "File to hash.")
        Path in;

        @Override
        public Integer call() throws IOException {
            java.security.MessageDigest digest = suite.suite().newDigest();
            try (var input = Files.newInputStream(in)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = input.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                }
            }
            spec.commandLine().getOut().println(HexFormat.of().formatHex(digest.digest()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** The value, or a {@link CliException} "{@code what}: reason" for the user. */
    static <T> T orFail(Result<T> result, String what) {
        if (result instanceof Result.Failure<T> failure) {
            throw new CliException(what + ": " + failure.reason());
        }
        return result.orElseThrow();
    }

    static void requireSuiteKey(CryptoSuite suite, Key key, Path source) {
        boolean gmKey = KeyType.of(key).map(type -> type == KeyType.SM2).orElse(false);
        if (gmKey != (suite.id() == SuiteId.GM)) {
            throw new CliException(source + " holds a "
                    + KeyType.of(key).map(Enum::name).orElse(key.getAlgorithm())
                    + " key, which is not a signing key of the " + suite.id().label() + " suite");
        }
    }

    static String readText(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            throw new CliException(file + " is too large to be a PEM key");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    static byte[] readInput(Path file) throws IOException {
        if (Files.size(file) > MAX_INPUT_BYTES) {
            throw new CliException(file + " is larger than 1 GiB");
        }
        return Files.readAllBytes(file);
    }
}
