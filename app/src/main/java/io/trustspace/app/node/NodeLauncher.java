package io.trustspace.app.node;

import io.trustspace.app.config.NodeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one node as a Spring Boot application; the CLI, the demo and the system tests all start nodes here. */
public final class NodeLauncher {

    private NodeLauncher() {}

    /**
     * Starts a node. {@code defaults} are the lowest-precedence properties (below application.yml, environment and
     * arguments); {@code overrides} become command-line arguments and win over everything.
     */
    public static ConfigurableApplicationContext start(
            NodeRole role, Map<String, Object> defaults, Map<String, ?> overrides, List<String> extraArgs) {
        List<String> args = new ArrayList<>();
        args.add("--trustspace.node.role=" + role.name().toLowerCase(Locale.ROOT));
        overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(extraArgs);
        return new SpringApplicationBuilder(TrustSpaceNode.class)
                .properties(defaults)
                .run(args.toArray(String[]::new));
    }
}
