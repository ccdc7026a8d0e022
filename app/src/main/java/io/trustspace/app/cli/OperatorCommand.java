package io.trustspace.app.cli;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.node.NodeLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "operator",
        mixinStandardHelpOptions = true,
        description = "Run the space's common services (registry, catalog, ledger, dashboards).")
public final class OperatorCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        NodeLauncher.start(
                NodeRole.OPERATOR,
                ServerOptions.serverDefaults("operator"),
                options.overrides(),
                options.springArguments);
        return 0;
    }
}
