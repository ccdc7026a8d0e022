package io.trustspace.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.app.config.NodeProperties;
import io.trustspace.app.testing.TestNode;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a PEM certificate, outbound clients that verify peers, and no plain HTTP off loopback. */
class TlsIT {

    @TempDir
    Path dir;

    private record Pem(Path certificate, Path privateKey) {}

    private Pem selfSigned(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))),
                subject,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")
        }));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.writeString(cert, pem(certificate));
        Files.writeString(key, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null)));
        return new Pem(cert, key);
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    @Test
    void pemCertificate_servesHttps_toClientsThatTrustIt() throws Exception {
        Pem pem = selfSigned("node");
        Pem stranger = selfSigned("stranger");
        try (TestNode node = TestNode.start(
                "tls",
                "intl",
                Map.of(
                        "trustspace.tls.certificate", "file:" + pem.certificate(),
                        "trustspace.tls.private-key", "file:" + pem.privateKey()))) {
            assertThat(node.url("/")).startsWith("https://");
            HttpRequest health = HttpRequest.newBuilder(URI.create(node.url("/actuator/health")))
                    .build();

            HttpClient trusting = OutboundHttpClients.create(
                    new NodeProperties.HttpClient(pem.certificate().toString(), null));
            HttpResponse<String> response = trusting.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            HttpClient trustsAnother = OutboundHttpClients.create(
                    new NodeProperties.HttpClient(stranger.certificate().toString(), null));
            assertThatThrownBy(() -> trustsAnother.send(health, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            HttpClient jdkRoots = OutboundHttpClients.create(new NodeProperties.HttpClient(null, null));
            assertThatThrownBy(() -> jdkRoots.send(health, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theDataPlanesOwnPort_servesHttpsWithTheSameCertificate() throws Exception {
        Pem pem = selfSigned("data-plane");
        int dataPlanePort = TestNode.freePort();
        try (TestNode node = TestNode.start(
                "tls-data-plane",
                "intl",
                Map.of(
                        "trustspace.tls.certificate", "file:" + pem.certificate(),
                        "trustspace.tls.private-key", "file:" + pem.privateKey(),
                        "trustspace.data-plane.port", dataPlanePort))) {
            HttpClient trusting = OutboundHttpClients.create(
                    new NodeProperties.HttpClient(pem.certificate().toString(), null));
            HttpResponse<String> pull = trusting.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + dataPlanePort + "/public/transfers/x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pull.statusCode()).isEqualTo(401);
            assertThat(pull.body()).contains("token");

            // Plain HTTP on it is refused by Tomcat's TLS check (400), never served.
            HttpResponse<String> plain = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + dataPlanePort + "/public/transfers/x"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
            assertThat(plain.body()).contains("TLS");
        }
    }

    @Test
    void pkcs12KeyStore_servesHttps() throws Exception {
        Pem pem = selfSigned("p12");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        java.security.cert.Certificate certificate;
        try (var in = Files.newInputStream(pem.certificate())) {
            certificate =
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        java.security.PrivateKey key = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
                .getPrivateKey(org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                        new org.bouncycastle.util.io.pem.PemReader(Files.newBufferedReader(pem.privateKey()))
                                .readPemObject()
                                .getContent()));
        store.setKeyEntry("node", key, "store-pass".toCharArray(), new java.security.cert.Certificate[] {certificate});
        Path p12 = dir.resolve("node.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "store-pass".toCharArray());
        }
        try (TestNode node = TestNode.start(
                "tls-p12",
                "intl",
                Map.of("trustspace.tls.keystore", "file:" + p12, "trustspace.tls.keystore-password", "store-pass"))) {
            HttpClient trusting = OutboundHttpClients.create(
                    new NodeProperties.HttpClient(pem.certificate().toString(), null));
            HttpResponse<String> response = trusting.send(
                    HttpRequest.newBuilder(URI.create(node.url("/actuator/health")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDataPlanePortThatIsTheNodesPort_refusesToStart() {
        int port = TestNode.freePort();
        assertThatThrownBy(() -> TestNode.start(
                        "same-port", "intl", Map.of("server.port", port, "trustspace.data-plane.port", port)))
                .hasStackTraceContaining("must differ from server.port");
    }

    @Test
    void plainHttp_offLoopback_refusesToStart() {
        assertThatThrownBy(() -> TestNode.start("exposed", "intl", Map.of("server.address", "0.0.0.0")))
                .hasStackTraceContaining("refusing plain HTTP on 0.0.0.0");
    }
}
