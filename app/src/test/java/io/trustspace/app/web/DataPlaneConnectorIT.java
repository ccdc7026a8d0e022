package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeProperties;
import io.trustspace.app.testing.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The data plane's own connector (ADR 0010) takes the operator's {@code server.*} and {@code server.tomcat.*}
 * settings like the main one — timeouts, keep-alive and header limits are no looser on the bulk port — while its
 * bulk settings (write buffer, connection cap) stay its own.
 */
class DataPlaneConnectorIT {

    private static TestNode node;
    private static int dataPlanePort;

    @BeforeAll
    static void start() {
        dataPlanePort = TestNode.freePort();
        node = TestNode.start(
                "bulk-port",
                "intl",
                Map.of(
                        "trustspace.data-plane.port",
                        dataPlanePort,
                        "trustspace.data-plane.max-connections",
                        17,
                        "server.tomcat.max-keep-alive-requests",
                        1,
                        "server.tomcat.connection-timeout",
                        "7s",
                        "server.max-http-request-header-size",
                        "4KB"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theBulkPort_takesTheServerSettings_andKeepsItsOwnBuffers() {
        Connector connector = Arrays.stream(
                        ((TomcatWebServer) ((WebServerApplicationContext) node.context()).getWebServer())
                                .getTomcat()
                                .getService()
                                .findConnectors())
                .filter(c -> c.getPort() == dataPlanePort)
                .findFirst()
                .orElseThrow();
        assertThat(connector.getProperty("maxKeepAliveRequests")).isEqualTo(1);
        assertThat(connector.getProperty("connectionTimeout")).isEqualTo(7_000);
        assertThat(connector.getProperty("maxHttpRequestHeaderSize")).isEqualTo(4 * 1024);
        assertThat(connector.getProperty("maxConnections")).isEqualTo(17);
        assertThat(connector.getProperty("socket.appWriteBufSize"))
                .hasToString(String.valueOf(NodeProperties.DataPlanePort.BULK_WRITE_BUFFER));
    }

    @Test
    void onTheBulkPort_keepAliveEndsWhereTheOperatorSaid() throws IOException {
        String answer = exchange(dataPlanePort, "");
        assertThat(answer).startsWith("HTTP/1.1 ");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
    }

    @Test
    void onTheBulkPort_aHeaderOverTheLimit_isRefused() throws IOException {
        String answer = exchange(dataPlanePort, "X-Padding: " + "a".repeat(6 * 1024) + "\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    /** One request over a raw socket (so nothing is added or hidden by a client); the whole answer, to EOF. */
    private static String exchange(int port, String extraHeaders) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /public/transfers/none HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
