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

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestNode(ConfigurableApplicationContext context, String scheme) {
        this.context = context;
        this.baseUrl = scheme + "://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static TestNode start(String name, String suite, Map<String, ?> extra) {
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
        overrides.put("server.port", 0);
        overrides.putAll(extra);
        ConfigurableApplicationContext context = NodeLauncher.start(NodeRole.CONNECTOR, Map.of(), overrides, List.of());
        boolean tls = extra.keySet().stream().anyMatch(key -> key.startsWith("trustspace.tls."));
        return new TestNode(context, tls ? "https" : "http");
    }

    public String url(String path) {
        return baseUrl + path;
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
