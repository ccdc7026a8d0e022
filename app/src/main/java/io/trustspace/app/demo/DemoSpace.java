package io.trustspace.app.demo;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.db.EmbeddedPostgresServer;
import io.trustspace.app.db.NodeDatabase;
import io.trustspace.app.node.NodeLauncher;
import io.trustspace.crypto.SuiteId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole space in one JVM: the operator and two participant connectors (provider, consumer) on 127.0.0.1, each
 * with its own database on one embedded PostgreSQL server and its own keys.
 */
public final class DemoSpace implements AutoCloseable {

    /** One running node of the demo. */
    public record DemoNode(String name, NodeRole role, int port, ConfigurableApplicationContext context) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * Port offset, from the port base, of the consumer's receiving service for push transfers: the one loopback
     * origin the provider allows as a push destination ({@code trustspace.dsp.allowed-sinks}).
     */
    public static final int PUSH_SINK_OFFSET = 3;

    /** Each connector's data plane listens on its own port this far above the connector's (ADR 0010). */
    public static final int DATA_PLANE_OFFSET = 10;

    private final EmbeddedPostgresServer postgres;
    private final List<DemoNode> nodes;
    private final SuiteId suite;
    private final DemoCredentials credentials;

    private DemoSpace(
            EmbeddedPostgresServer postgres, List<DemoNode> nodes, SuiteId suite, DemoCredentials credentials) {
        this.postgres = postgres;
        this.nodes = nodes;
        this.suite = suite;
        this.credentials = credentials;
    }

    /** The origin of the consumer's receiving service for push transfers. */
    public String pushSink() {
        return pushSink(operator().port());
    }

    private static String pushSink(int portBase) {
        return "http://127.0.0.1:" + (portBase + PUSH_SINK_OFFSET);
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    /** The nodes of the demo, in port order from the port base. */
    public static final List<String> NODES = List.of("operator", "provider", "consumer");

    /** Why {@code only} of the nodes cannot be started on {@code dataDir}, if they cannot. */
    public static java.util.Optional<String> problem(Path dataDir, List<String> only) {
        if (only.isEmpty() || !NODES.containsAll(only)) {
            return java.util.Optional.of("the demo's nodes are " + String.join(",", NODES) + ", not " + only);
        }
        if (!only.containsAll(NODES) && !Files.exists(dataDir.resolve("demo-credentials.properties"))) {
            return java.util.Optional.of(
                    "run the whole demo on " + dataDir + " once before starting some of its nodes on their own");
        }
        return java.util.Optional.empty();
    }

    /** Starts the server and the three nodes (in parallel: start-up time is what a newcomer waits for). */
    public static DemoSpace start(Path dataDir, SuiteId suite, int portBase) {
        return start(dataDir, suite, portBase, NODES);
    }

    /**
     * Starts only {@code only} of the nodes in this process, so that a connector can run — and be killed — in a
     * process of its own; another {@code start} on the same data directory runs the rest. The whole demo must have
     * run on {@code dataDir} once (its credentials and keys exist). The processes share the embedded PostgreSQL: the
     * first one starts it, the others use it, and it outlives a process that is killed.
     */
    public static DemoSpace start(Path dataDir, SuiteId suite, int portBase, List<String> only) {
        problem(dataDir, only).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        boolean whole = only.containsAll(NODES);
        DemoLogging.initialise(
                dataDir.resolve(whole ? "logs/trustspace.log" : "logs/trustspace-" + String.join("-", only) + ".log"));
        EmbeddedPostgresServer postgres = whole
                ? EmbeddedPostgresServer.start(dataDir.resolve("postgres"))
                : EmbeddedPostgresServer.shared(dataDir.resolve("postgres"));
        java.util.Optional<Path> passphraseFile = demoPassphrase(dataDir);
        DemoCredentials credentials = DemoCredentials.load(dataDir);
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        roles.put("operator", NodeRole.OPERATOR);
        roles.put("provider", NodeRole.CONNECTOR);
        roles.put("consumer", NodeRole.CONNECTOR);
        ExecutorService starter = Executors.newFixedThreadPool(roles.size());
        List<CompletableFuture<DemoNode>> starting = new ArrayList<>();
        try {
            for (Map.Entry<String, NodeRole> entry : roles.entrySet()) {
                String name = entry.getKey();
                int port = portBase + NODES.indexOf(name);
                if (!only.contains(name)) {
                    continue;
                }
                String url = postgres.ensureDatabase(NodeDatabase.databaseName(name));
                Map<String, Object> overrides = new LinkedHashMap<>();
                overrides.put("trustspace.node.name", name);
                overrides.put("trustspace.node.public-url", "http://127.0.0.1:" + port);
                overrides.put("trustspace.suite", suite.label());
                overrides.put("trustspace.data-dir", dataDir.toString());
                overrides.put("trustspace.db.url", url);
                overrides.put("trustspace.db.user", postgres.user());
                passphraseFile.ifPresent(file -> overrides.put("trustspace.key.passphrase-file", file.toString()));
                overrides.put("server.address", "127.0.0.1");
                overrides.put("server.port", port);
                overrides.put("spring.main.register-shutdown-hook", "false");
                overrides.put("trustspace.did.http-on-loopback", "true");
                overrides.putAll(credentials.settingsFor(name));
                overrides.put("trustspace.ledger.url", "http://127.0.0.1:" + portBase);
                // Every node trusts its own space's operator as the issuer of membership credentials.
                overrides.put("trustspace.identity.trusted-issuers[0].did", "did:web:127.0.0.1%3A" + portBase);
                overrides.put("trustspace.identity.trusted-issuers[0].space", "demo.trustspace");
                overrides.put("trustspace.identity.trusted-issuers[0].home", "true");
                if (name.equals("provider")) {
                    overrides.put("trustspace.dsp.allowed-sinks", pushSink(portBase));
                }
                if (entry.getValue() == NodeRole.CONNECTOR) {
                    overrides.put("trustspace.data-plane.port", port + DATA_PLANE_OFFSET);
                }
                if (entry.getValue() == NodeRole.OPERATOR) {
                    overrides.put("trustspace.identity.space", "demo.trustspace");
                    overrides.put("trustspace.catalog.space-prefix", "demo.trustspace");
                    overrides.put("trustspace.identity.offline-registry", "classpath:identity/demo-registry.json");
                    // The connectors witness the operator's ledger; the operator does not witness itself.
                    overrides.put("trustspace.ledger.witness", "false");
                    overrides.put(
                            "trustspace.ledger.witnesses",
                            "http://127.0.0.1:" + (portBase + 1) + ",http://127.0.0.1:" + (portBase + 2));
                }
                starting.add(CompletableFuture.supplyAsync(
                        () -> new DemoNode(
                                name,
                                entry.getValue(),
                                port,
                                NodeLauncher.start(entry.getValue(), Map.of(), overrides, List.of())),
                        starter));
            }
            List<DemoNode> nodes = new ArrayList<>();
            for (CompletableFuture<DemoNode> node : starting) {
                nodes.add(node.join());
            }
            return new DemoSpace(postgres, List.copyOf(nodes), suite, credentials);
        } catch (RuntimeException e) {
            starting.forEach(
                    node -> node.thenAccept(started -> started.context().close()));
            postgres.close();
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    /**
     * The demo seals its keys with a random passphrase kept beside its data (owner-only), unless the operator set
     * TRUSTSPACE_KEY_PASSPHRASE. A production node has no such fallback.
     */
    private static java.util.Optional<Path> demoPassphrase(Path dataDir) {
        String fromEnvironment = System.getenv("TRUSTSPACE_KEY_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return java.util.Optional.empty(); // each node reads it from the environment itself
        }
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("demo-passphrase");
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(
                        file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.UTF_8);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return java.util.Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo key passphrase in " + dataDir, e);
        }
    }

    public List<DemoNode> nodes() {
        return nodes;
    }

    public DemoNode operator() {
        return node("operator");
    }

    public DemoNode node(String name) {
        return nodes.stream()
                .filter(node -> node.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo node " + name));
    }

    public SuiteId suite() {
        return suite;
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(node -> node.context().close());
        postgres.close();
    }
}
