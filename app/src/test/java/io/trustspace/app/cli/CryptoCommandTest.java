package io.trustspace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trustspace.app.TrustSpace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The offline crypto tools: exit codes, formats, and agreement with OpenSSL 3 where it is installed. */
class CryptoCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TrustSpace.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    private Path passphraseFile() throws Exception {
        return Files.writeString(dir.resolve("pass"), "cli test passphrase\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gm", "intl"})
    void keygenSignVerify_roundTrip_andTamperIsExit1(String suite) throws Exception {
        Path pass = passphraseFile();
        Path keys = dir.resolve("keys");
        Path message = Files.writeString(dir.resolve("message"), "数据空间 evidence");
        assertThat(run(
                                "crypto",
                                "keygen",
                                "--suite",
                                suite,
                                "--out",
                                keys.toString(),
                                "--passphrase-file",
                                pass.toString())
                        .exit())
                .isZero();
        assertThat(Files.readString(keys.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(keys.resolve("private.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        Run signed = run(
                "crypto",
                "sign",
                "--suite",
                suite,
                "--key",
                keys.resolve("private.pem").toString(),
                "--in",
                message.toString(),
                "--passphrase-file",
                pass.toString());
        assertThat(signed.exit()).isZero();
        String signature = signed.out();
        assertThat(Base64.getDecoder().decode(signature)).isNotEmpty();

        String publicKey = keys.resolve("public.pem").toString();
        assertThat(run(
                                "crypto",
                                "verify",
                                "--suite",
                                suite,
                                "--key",
                                publicKey,
                                "--in",
                                message.toString(),
                                "--sig",
                                signature)
                        .exit())
                .isZero();
        Files.writeString(message, "数据空间 evidence, altered");
        Run tampered = run(
                "crypto",
                "verify",
                "--suite",
                suite,
                "--key",
                publicKey,
                "--in",
                message.toString(),
                "--sig",
                signature);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out()).isEqualTo("invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gm", "intl"})
    void digest_ofAbc_isTheStandardVector(String suite) throws Exception {
        Path abc = Files.writeString(dir.resolve("abc"), "abc");
        String expected = suite.equals("gm")
                ? "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
                : "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(run("crypto", "digest", "--suite", suite, "--in", abc.toString())
                        .out())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--sig=not base64!", "--key=/nonexistent/public.pem"})
    void unusableInput_isExit2WithAReason(String badOption) throws Exception {
        Path pass = passphraseFile();
        Path keys = dir.resolve("keys");
        run("crypto", "keygen", "--suite", "gm", "--out", keys.toString(), "--passphrase-file", pass.toString());
        Path message = Files.writeString(dir.resolve("message"), "m");
        List<String> args = new ArrayList<>(List.of("crypto", "verify", "--suite", "gm", "--in", message.toString()));
        args.add(badOption.startsWith("--key") ? badOption : "--key=" + keys.resolve("public.pem"));
        args.add(badOption.startsWith("--sig") ? badOption : "--sig=AAAA");
        Run result = run(args.toArray(String[]::new));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("trustspace: ").doesNotContain("Exception");
    }

    @org.junit.jupiter.api.Test
    void keyOfAnotherSuite_isExit2() throws Exception {
        Path pass = passphraseFile();
        Path keys = dir.resolve("keys");
        run("crypto", "keygen", "--suite", "intl", "--out", keys.toString(), "--passphrase-file", pass.toString());
        Path message = Files.writeString(dir.resolve("message"), "m");
        Run result = run(
                "crypto",
                "verify",
                "--suite",
                "gm",
                "--key",
                keys.resolve("public.pem").toString(),
                "--in",
                message.toString(),
                "--sig",
                "AAAA");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("not a signing key of the gm suite");
    }

    @org.junit.jupiter.api.Test
    void gmSignature_isVerifiedByOpenSsl_andOpenSslReadsThePrivateKey() throws Exception {
        assumeTrue(openSslAvailable(), "openssl not installed");
        Path pass = passphraseFile();
        Path keys = dir.resolve("keys");
        Path message = Files.writeString(dir.resolve("message"), "cross-checked with OpenSSL");
        run("crypto", "keygen", "--suite", "gm", "--out", keys.toString(), "--passphrase-file", pass.toString());
        String signature = run(
                        "crypto",
                        "sign",
                        "--suite",
                        "gm",
                        "--key",
                        keys.resolve("private.pem").toString(),
                        "--in",
                        message.toString(),
                        "--passphrase-file",
                        pass.toString())
                .out();
        Path sig = Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(signature));
        assertThat(openssl(
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        keys.resolve("public.pem").toString(),
                        "-rawin",
                        "-digest",
                        "sm3",
                        "-pkeyopt",
                        "distid:1234567812345678",
                        "-in",
                        message.toString(),
                        "-sigfile",
                        sig.toString()))
                .isZero();
        assertThat(openssl("pkey", "-in", keys.resolve("private.pem").toString(), "-passin", "file:" + pass, "-noout"))
                .isZero();
    }

    private static boolean openSslAvailable() {
        try {
            return openssl("version") == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static int openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl timed out");
        }
        if (process.exitValue() != 0) {
            System.err.println("openssl " + String.join(" ", args) + ": " + output);
        }
        return process.exitValue();
    }
}
