package io.trustspace.app.config;

import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.evidence.NodeEvidenceSigner;
import io.trustspace.app.keys.KeyRotation;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.app.ledger.EvidenceController;
import io.trustspace.app.ledger.HttpLedgerClient;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.jdbc.JdbcEvidenceOutbox;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.LocalLedgerClient;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.ledger.outbox.LedgerClient;
import io.trustspace.ledger.outbox.OutboxAppender;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every node's evidence path: the outbox written in the caller's transaction, and the appender that delivers it to
 * the operator's ledger (in-process on the operator, over HTTP elsewhere).
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean
    EvidenceOutbox evidenceOutbox(JdbcTransactions transactions) {
        return new JdbcEvidenceOutbox(transactions);
    }

    /**
     * In-process on the operator, over HTTP elsewhere. A connector without a configured ledger keeps its evidence in
     * the outbox, each record marked with why it waits.
     */
    @Bean
    LedgerClient ledgerClient(
            NodeProperties properties, ObjectProvider<EvidenceLog> localLog, HttpClient outboundHttpClient) {
        EvidenceLog local = localLog.getIfAvailable();
        if (local != null) {
            return new LocalLedgerClient(local);
        }
        String url = properties.ledger().url();
        if (url == null || url.isBlank()) {
            log.warn("no ledger configured (TRUSTSPACE_LEDGER_URL): evidence is kept in the outbox until one is");
            return evidence -> evidence.stream()
                    .map(e -> Result.<Receipt>unavailable("no ledger configured (TRUSTSPACE_LEDGER_URL)"))
                    .toList();
        }
        return new HttpLedgerClient(outboundHttpClient, url);
    }

    /** Every node shows the evidence it wrote, with the payloads the ledger holds only digests of. */
    @Bean
    EvidenceController evidenceController(EvidenceOutbox outbox, EvidenceRecorder recorder) {
        return new EvidenceController(outbox, recorder);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxAppender outboxAppender(EvidenceOutbox outbox, LedgerClient ledgerClient, Clock clock) {
        return new OutboxAppender(outbox, ledgerClient, clock);
    }

    @Bean
    EvidenceRecorder evidenceRecorder(
            JdbcTransactions transactions,
            EvidenceOutbox outbox,
            NodeIdentity identity,
            NodeKeys signingKeys,
            CryptoSuite suite,
            Clock clock,
            OutboxAppender appender) {
        return new EvidenceRecorder(
                transactions,
                outbox,
                new NodeEvidenceSigner(identity.did(), signingKeys),
                suite,
                clock,
                () -> UUID.randomUUID().toString(),
                appender::wakeUp);
    }

    @Bean
    KeyRotation signingKeyRotation(
            JdbcTransactions transactions, NodeKeys signingKeys, EvidenceRecorder evidence, NodeIdentity identity) {
        return new KeyRotation(transactions, signingKeys, evidence, identity.did());
    }
}
