package io.trustspace.app.cli;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.node.NodeLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "connector",
        mixinStandardHelpOptions = true,
        description = "Run one participant's connector (management API, DSP endpoints, data plane).")
public final class ConnectorCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        NodeLauncher.start(
                NodeRole.CONNECTOR,
                ServerOptions.serverDefaults("connector"),
                options.overrides(),
                options.springArguments);
        return 0;
    }
}
