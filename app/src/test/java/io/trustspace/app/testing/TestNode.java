package io.trustspace.app.testing;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.node.NodeLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** A real node (Spring Boot, Tomcat on a free loopback port, its own PostgreSQL database) for integration tests. */
public final class TestNode implements AutoCloseable {

    public static final String PASSPHRASE = "test passphrase, not a secret";

    private final NodeRole role;
    private final Map<String, Object> overrides;
    private ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestNode(
            NodeRole role, Map<String, Object> overrides, ConfigurableApplicationContext context, String scheme) {
        this.role = role;
        this.overrides = overrides;
        this.context = context;
        this.baseUrl = scheme + "://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static TestNode start(String name, String suite, Map<String, ?> extra) {
        return start(NodeRole.CONNECTOR, name, suite, extra);
    }

    /** The settings that give a node one API key, {@code key}, with {@code role} (e.g. {@code operator-admin}). */
    public static Map<String, Object> apiKey(String key, String role) {
        return Map.of(
                "trustspace.security.api-keys[0].name", role,
                "trustspace.security.api-keys[0].sha256",
                        java.util.HexFormat.of().formatHex(io.trustspace.app.security.ApiKeyFilter.sha256(key)),
                "trustspace.security.api-keys[0].roles", role);
    }

    /**
     * A free loopback port; the node binds it explicitly so that its public URL and DID are known up front. Drawn
     * below Linux's ephemeral range (32768 and up), where a port free now may otherwise become the local end of an
     * outgoing connection before the node binds it.
     */
    public static int freePort() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no free loopback port below the ephemeral range", last);
    }

    public static TestNode start(NodeRole role, String name, String suite, Map<String, ?> extra) {
        TestDatabases.Target db = TestDatabases.freshEmbedded();
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("trustspace.node.name", name);
        overrides.put("trustspace.suite", suite);
        overrides.put("trustspace.db.url", db.url());
        overrides.put("trustspace.db.user", db.user());
        overrides.put("trustspace.key.passphrase", PASSPHRASE);
        try {
            overrides.put(
                    "trustspace.data-dir",
                    Files.createTempDirectory("trustspace-node").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        overrides.put("server.port", port);
        overrides.put("trustspace.node.public-url", "http://127.0.0.1:" + port);
        overrides.put("trustspace.did.http-on-loopback", "true");
        overrides.putAll(extra);
        ConfigurableApplicationContext context = NodeLauncher.start(role, Map.of(), overrides, List.of());
        boolean tls = extra.keySet().stream().anyMatch(key -> key.startsWith("trustspace.tls."));
        return new TestNode(role, overrides, context, tls ? "https" : "http");
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** Stops the node and starts it again on the same database and port (an orderly restart). */
    public void restart() {
        restart(Map.of());
    }

    /** Restarts with some settings changed. */
    public void restart(Map<String, ?> changed) {
        context.close();
        overrides.putAll(changed);
        context = NodeLauncher.start(role, Map.of(), overrides, List.of());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
