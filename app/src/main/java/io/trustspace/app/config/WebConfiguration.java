package io.trustspace.app.config;

import io.trustspace.app.contract.DataPlanePortFilter;
import io.trustspace.app.web.DspErrorBodies;
import io.trustspace.app.web.ProblemErrorController;
import io.trustspace.app.web.ProblemHandling;
import io.trustspace.app.web.ProblemReportValve;
import io.trustspace.app.web.RequestIdFilter;
import io.trustspace.app.web.WellFormedBodies;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ProtocolHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * HTTP edge of a node: request ids, problem documents, and TLS. Plain HTTP is allowed only on a loopback address,
 * so a misconfigured production node fails at start instead of serving credentials in the clear.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemHandling.class, ProblemErrorController.class, WellFormedBodies.class, DspErrorBodies.class})
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(NodeProperties properties) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
                new RequestIdFilter(properties.node().name()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Requests Tomcat refuses before any servlet runs get a problem document too: Spring Boot puts Tomcat's HTML
     * error report on the host once the context is configured, so it is replaced when the context has started.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> problemReports() {
        return factory -> factory.addContextLifecycleListeners(event -> {
            if (org.apache.catalina.Lifecycle.AFTER_START_EVENT.equals(event.getType())
                    && event.getLifecycle() instanceof org.apache.catalina.Context context
                    && context.getParent() != null) {
                org.apache.catalina.Pipeline host = context.getParent().getPipeline();
                for (org.apache.catalina.Valve valve : host.getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve
                            && !(valve instanceof ProblemReportValve)) {
                        host.removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
                    host.addValve(new ProblemReportValve());
                }
            }
        });
    }

    /** The client every outbound call to another node uses; it verifies peers against the configured trust store. */
    @Bean
    java.net.http.HttpClient outboundHttpClient(NodeProperties properties) {
        return io.trustspace.app.http.OutboundHttpClients.create(properties.httpClient());
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> transportSecurity(
            NodeProperties properties, @Value("${server.address:127.0.0.1}") String address) {
        return factory -> {
            NodeProperties.Tls tls = properties.tls();
            if (tls.configured()) {
                factory.setSsl(ssl(tls));
            } else if (!isLoopback(address)) {
                throw new IllegalStateException("refusing plain HTTP on " + address
                        + ": configure TRUSTSPACE_TLS_CERTIFICATE and TRUSTSPACE_TLS_PRIVATE_KEY (PEM) or"
                        + " TRUSTSPACE_TLS_KEYSTORE (PKCS#12), or bind to a loopback address");
            }
        };
    }

    /**
     * Tomcat writes a response to the socket in slices of its application write buffer, 8 KiB by default: a 1 GiB
     * pull was 131,072 system calls. Every open connection holds one such buffer, so this stays moderate: 64 KiB
     * costs 64 MiB at a thousand open connections. Off the heap, so a write does not first copy it into the JDK's
     * temporary direct buffer.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> bulkWrites() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", String.valueOf(64 * 1024));
            connector.setProperty("socket.directBuffer", "true");
        });
    }

    /**
     * The data plane's own connector, when {@code trustspace.data-plane.port} is set (ADR 0010). A bulk pull is
     * written to the socket in slices of the connector's write buffer, and Tomcat waits for its poller whenever the
     * socket is full; with 512 KiB slices a 1 GiB pull ran at half of loopback TCP on a 2-core machine, with 64 KiB
     * at 40 %. Buffers that large are held per connection, which is why they get their own connector with a bounded
     * number of connections instead of the main one. Same servlet context, same TLS, same shutdown.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> dataPlaneConnector(
            NodeProperties properties,
            @Value("${server.address:127.0.0.1}") String address,
            @Value("${server.port:8080}") int serverPort) {
        return factory -> {
            NodeProperties.DataPlanePort dataPlane = properties.dataPlane();
            if (!dataPlane.separate()) {
                return;
            }
            if (dataPlane.port() == serverPort) {
                throw new IllegalStateException("trustspace.data-plane.port (" + dataPlane.port()
                        + ") must differ from server.port: it is the data plane's own port");
            }
            Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(dataPlane.port());
            connector.setProperty("address", address);
            bulk(connector, dataPlane);
            // Spring Boot applies server.* and server.tomcat.* (timeouts, keep-alive, header limits, threads) to its
            // main connector only. It does so through customizers that are all registered by the time the main
            // connector is customized, so that is when they are applied here too; the bulk settings win.
            factory.addConnectorCustomizers(new TomcatConnectorCustomizer() {
                @Override
                public void customize(Connector main) {
                    for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
                        if (customizer != this) {
                            customizer.customize(connector);
                        }
                    }
                    ProtocolHandler protocol = connector.getProtocolHandler();
                    // Typed by the protocol each expects; LambdaSafe skips those for another, as Boot does.
                    LambdaSafe.callbacks(
                                    TomcatProtocolHandlerCustomizer.class,
                                    factory.getProtocolHandlerCustomizers(),
                                    protocol)
                            .invoke(customizer -> customizer.customize(protocol));
                    bulk(connector, dataPlane);
                }
            });
            NodeProperties.Tls tls = properties.tls();
            if (tls.configured()) {
                connector.setScheme("https");
                connector.setSecure(true);
                new SslConnectorCustomizer(LogFactory.getLog(WebConfiguration.class), connector, Ssl.ClientAuth.NONE)
                        .customize(WebServerSslBundle.get(ssl(tls)), Map.of());
            }
            factory.addAdditionalConnectors(connector);
        };
    }

    private static void bulk(Connector connector, NodeProperties.DataPlanePort dataPlane) {
        connector.setProperty("maxConnections", String.valueOf(dataPlane.maxConnections()));
        connector.setProperty("socket.appWriteBufSize", String.valueOf(NodeProperties.DataPlanePort.BULK_WRITE_BUFFER));
        connector.setProperty("socket.directBuffer", "true");
        connector.setProperty("maxSwallowSize", String.valueOf(64 * 1024));
        connector.setMaxPostSize(0);
    }

    /** On the data plane's own port, nothing but the data plane answers. */
    @Bean
    FilterRegistrationBean<DataPlanePortFilter> dataPlanePortFilter(NodeProperties properties) {
        FilterRegistrationBean<DataPlanePortFilter> registration =
                new FilterRegistrationBean<>(new DataPlanePortFilter(properties.dataPlane()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setEnabled(properties.dataPlane().separate());
        return registration;
    }

    static Ssl ssl(NodeProperties.Tls tls) {
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        if (tls.certificate() != null && !tls.certificate().isBlank()) {
            ssl.setCertificate(tls.certificate());
            ssl.setCertificatePrivateKey(tls.privateKey());
            ssl.setKeyPassword(tls.privateKeyPassword());
        } else {
            ssl.setKeyStore(tls.keystore());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(tls.keystorePassword());
        }
        return ssl;
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
