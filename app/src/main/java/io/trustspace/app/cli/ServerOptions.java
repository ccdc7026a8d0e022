package io.trustspace.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Options shared by the long-running node commands; anything else is passed to Spring Boot as a property. */
final class ServerOptions {

    @Option(names = "--name", description = "Node name (also its database name on the embedded server).")
    String name;

    @Option(names = "--port", description = "HTTP(S) port.")
    Integer port;

    @Option(names = "--suite", description = "Crypto suite: intl or gm.")
    String suite;

    @Option(names = "--data-dir", description = "Where the embedded PostgreSQL keeps its data.")
    String dataDir;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    Map<String, Object> overrides() {
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        if (name != null) overrides.put("trustspace.node.name", name);
        if (port != null) overrides.put("server.port", port);
        if (suite != null) overrides.put("trustspace.suite", suite);
        if (dataDir != null) overrides.put("trustspace.data-dir", dataDir);
        return overrides;
    }

    /** Servers log structured JSON (ECS) by default; an explicit logging setting wins. */
    static Map<String, Object> serverDefaults(String nodeName) {
        return Map.of("logging.structured.format.console", "ecs", "trustspace.node.name", nodeName);
    }
}
