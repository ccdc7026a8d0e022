package io.trustspace.app;

import io.trustspace.app.cli.ConnectorCommand;
import io.trustspace.app.cli.CryptoCommand;
import io.trustspace.app.cli.DemoCommand;
import io.trustspace.app.cli.KeysCommand;
import io.trustspace.app.cli.OperatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single executable: {@code java -jar trustspace.jar <command>}. */
@Command(
        name = "trustspace",
        mixinStandardHelpOptions = true,
        versionProvider = TrustSpace.Version.class,
        description = "TrustSpace trusted data space (可信数据空间): operator, connector, demo space and offline tools.",
        subcommands = {
            OperatorCommand.class,
            ConnectorCommand.class,
            DemoCommand.class,
            CryptoCommand.class,
            KeysCommand.class,
            io.trustspace.app.cli.LedgerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TrustSpace {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        // operator and connector return once their node is up; its threads keep the JVM alive until it stops.
        if (exit != 0 || !isServer(args)) {
            System.exit(exit);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new TrustSpace())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // Expected problems of offline tools: one line to stderr, exit 2; never a stack trace.
                    if (e instanceof io.trustspace.app.cli.CliException || e instanceof java.io.IOException) {
                        commandLine.getErr().println("trustspace: " + describe(e));
                        commandLine.getErr().flush();
                        return 2;
                    }
                    throw e;
                });
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return e.getMessage();
    }

    private static boolean isServer(String[] args) {
        return args.length > 0 && (args[0].equals("operator") || args[0].equals("connector"));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TrustSpace.class.getPackage().getImplementationVersion();
            return new String[] {"trustspace " + (version == null ? "development build" : version)};
        }
    }
}
