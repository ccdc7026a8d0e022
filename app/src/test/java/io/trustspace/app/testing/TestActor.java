package io.trustspace.app.testing;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.keys.Jwks;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.SignedEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evidence actor for tests: a key pair and a did:web document served over HTTP on loopback, so that the ledger
 * resolves and checks its signatures exactly as it does a real node's.
 */
public final class TestActor implements AutoCloseable {

    private final CryptoSuite suite;
    private final KeyPair keys;
    private final String kid;
    private final HttpServer server;
    private final String did;

    private final java.util.concurrent.atomic.AtomicInteger documentFetches =
            new java.util.concurrent.atomic.AtomicInteger();

    public TestActor(CryptoSuite suite) {
        this.suite = suite;
        this.keys = suite.generateSigningKeyPair();
        this.kid = Jwks.thumbprint(keys.getPublic(), suite);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.did = "did:web:127.0.0.1%3A" + server.getAddress().getPort();
        byte[] document = document();
        server.createContext("/.well-known/did.json", exchange -> {
            documentFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/did+json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
    }

    private byte[] document() {
        Map<String, Object> jwk = new LinkedHashMap<>(Jwks.toJwk(keys.getPublic()));
        Map<String, Object> method =
                Map.of("id", did + "#" + kid, "type", "JsonWebKey", "controller", did, "publicKeyJwk", jwk);
        Map<String, Object> document =
                Map.of("id", did, "verificationMethod", List.of(method), "assertionMethod", List.of(did + "#" + kid));
        return JsonMapper.builder().build().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    /** How often its DID document was fetched. */
    public int documentFetches() {
        return documentFetches.get();
    }

    public String did() {
        return did;
    }

    public EvidenceRecord record(String type, String... subjects) {
        return new EvidenceRecord(
                UUID.randomUUID().toString(),
                type,
                did,
                List.of(subjects),
                "sha-256:" + HexFormat.of().formatHex(suite.digest(type.getBytes(StandardCharsets.UTF_8))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    public SignedEvidence sign(EvidenceRecord record) {
        return new SignedEvidence(
                record, Jws.signDetached(suite, keys.getPrivate(), kid, Map.of(), record.canonicalJson()));
    }

    /** Signed by a key that is not in the actor's DID document, under the actor's key id: a forgery. */
    public SignedEvidence forge(EvidenceRecord record) {
        KeyPair other = suite.generateSigningKeyPair();
        return new SignedEvidence(
                record, Jws.signDetached(suite, other.getPrivate(), kid, Map.of(), record.canonicalJson()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
