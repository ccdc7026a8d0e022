package io.trustspace.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where an offline tool gets a passphrase: a file, the environment, or a prompt on the terminal. Never an argument. */
final class PassphraseSource {

    static final String ENVIRONMENT = "TRUSTSPACE_KEY_PASSPHRASE";

    @Option(
            names = "--passphrase-file",
            description = "File holding the passphrase (else $" + ENVIRONMENT + ", else a prompt).")
    Path file;

    char[] read(String prompt, Path fallbackFile) {
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
            String environment = System.getenv(ENVIRONMENT);
            if (environment != null && !environment.isEmpty()) {
                return environment.toCharArray();
            }
            if (fallbackFile != null && Files.isReadable(fallbackFile)) {
                return Files.readString(fallbackFile, StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
            }
        } catch (IOException e) {
            throw new CliException("cannot read the passphrase file: " + e.getMessage());
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("no passphrase: use --passphrase-file or set " + ENVIRONMENT);
        }
        char[] entered = console.readPassword("%s: ", prompt);
        if (entered == null || entered.length == 0) {
            throw new CliException("no passphrase entered");
        }
        return entered;
    }
}
