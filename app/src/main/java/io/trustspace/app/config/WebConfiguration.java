package io.trustspace.app.config;

import io.trustspace.app.web.ProblemErrorController;
import io.trustspace.app.web.ProblemHandling;
import io.trustspace.app.web.RequestIdFilter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
@Import({ProblemHandling.class, ProblemErrorController.class})
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(NodeProperties properties) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
                new RequestIdFilter(properties.node().name()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
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
     * costs 64 MiB at a thousand open connections.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> bulkWrites() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(64 * 1024)));
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
