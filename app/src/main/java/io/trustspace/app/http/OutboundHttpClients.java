package io.trustspace.app.http;

import io.trustspace.app.config.NodeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP clients for calls to other nodes. They verify the peer's certificate chain and host name against the
 * configured trust store (a PEM bundle or PKCS#12 file), or the JDK's roots when none is configured. There is no
 * switch to turn verification off.
 */
public final class OutboundHttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private OutboundHttpClients() {}

    public static HttpClient create(NodeProperties.HttpClient settings) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        if (settings.trustStore() != null && !settings.trustStore().isBlank()) {
            builder.sslContext(sslContext(Path.of(settings.trustStore()), settings.trustStorePassword()));
        }
        return builder.build();
    }

    /**
     * GETs {@code url} and returns the body of a 200 answer; any other status, a transport failure or a malformed URL
     * is UNAVAILABLE (worth retrying), described as {@code what}.
     */
    public static io.trustspace.common.Result<String> getText(
            java.net.http.HttpClient http, String url, Duration timeout, String what) {
        try {
            java.net.http.HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return io.trustspace.common.Result.unavailable(what + " answered HTTP " + response.statusCode());
            }
            return io.trustspace.common.Result.ok(response.body());
        } catch (IOException | IllegalArgumentException e) {
            return io.trustspace.common.Result.unavailable(
                    what + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return io.trustspace.common.Result.unavailable("interrupted while fetching " + what);
        }
    }

    /** An SSL context trusting exactly the certificates in {@code trustStore}. */
    public static SSLContext sslContext(Path trustStore, String password) {
        try {
            KeyStore anchors = load(trustStore, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "cannot load the HTTP client trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password == null ? null : password.toCharArray());
            }
            return store;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificates in the PEM bundle");
            }
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("anchor-" + index++, certificate);
            }
        }
        return store;
    }
}
