package io.trustspace.app.config;

import io.trustspace.app.did.DidKeyResolver;
import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.evidence.DidSignatureVerifier;
import io.trustspace.app.keys.KeyPurpose;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.app.ledger.LedgerController;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.jdbc.JdbcLedgerStore;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteKeyType;
import io.trustspace.ledger.note.SuiteNoteSigner;
import io.trustspace.ledger.provenance.Provenance;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's evidence ledger: log, store, signature checks, HTTP API. Only on the operator. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "operator")
public class LedgerConfiguration {

    /** The log's identity: its origin line and the key that signs its checkpoints. */
    public record LogIdentity(String origin, NoteKey key, java.security.PublicKey publicKey, SuiteNoteSigner signer) {}

    @Bean
    LedgerStore ledgerStore(JdbcTransactions transactions) {
        return new JdbcLedgerStore(transactions);
    }

    @Bean
    LogIdentity logIdentity(NodeProperties properties, NodeIdentity identity, NodeKeyring keyring) {
        String origin = properties.ledger().origin();
        if (origin == null || origin.isBlank()) {
            URI url = URI.create(identity.publicUrl());
            origin = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/ledger";
        }
        NodeKeys logKeys = keyring.keys(KeyPurpose.LEDGER);
        NodeKeys.ActiveKeyPair active = logKeys.activeKeyPair();
        CryptoSuite suite = logKeys.suite();
        NoteKey key = NoteKey.of(
                origin,
                NoteKeyType.forLogKey(logKeys.activeKey().algorithm()),
                active.keyPair().getPublic());
        return new LogIdentity(
                origin, key, active.keyPair().getPublic(), SuiteNoteSigner.create(origin, active.keyPair(), suite));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EvidenceLog evidenceLog(
            LedgerStore store, CryptoSuite suite, LogIdentity identity, DidKeyResolver keys, Clock clock) {
        return new EvidenceLog(
                store,
                suite,
                identity.signer(),
                identity.key().verifier(suite, identity.publicKey()),
                identity.origin(),
                new DidSignatureVerifier(keys),
                clock);
    }

    /**
     * The ledger's part of /actuator/health: DOWN, with the reason, when the log failed its integrity check or its
     * store, so that monitoring sees a tampered or broken ledger at once.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator ledgerHealth(EvidenceLog log) {
        return () -> log.failure()
                .map(reason -> org.springframework.boot.health.contributor.Health.down()
                        .withDetail("reason", reason)
                        .build())
                .orElseGet(() -> org.springframework.boot.health.contributor.Health.up()
                        .withDetail("size", log.size())
                        .build());
    }

    @Bean
    Provenance provenance(EvidenceLog log, LedgerStore store) {
        return new Provenance(log, store);
    }

    @Bean
    LedgerController ledgerController(
            EvidenceLog log,
            LedgerStore store,
            Provenance provenance,
            LogIdentity identity,
            NodeProperties properties,
            io.trustspace.app.did.NodeIdentity node,
            io.trustspace.app.identity.JdbcParticipantCredentials credentials,
            Clock clock) {
        java.util.function.Predicate<String> admitted = properties.ledger().openToAnyActor()
                ? actor -> true
                : actor -> actor.equals(node.did()) || credentials.everCredentialed(actor);
        return new LedgerController(log, store, provenance, identity.key().toVerifierKey(), admitted, clock);
    }
}
