package io.trustspace.app.config;

import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.keys.KeyPurpose;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.app.witness.CosigningScheduler;
import io.trustspace.app.witness.LocalWitness;
import io.trustspace.app.witness.WitnessController;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.jdbc.JdbcWitnessAlerts;
import io.trustspace.ledger.jdbc.JdbcWitnessStore;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.note.CosignatureSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Witnessing: every node (by default) cosigns the operator's checkpoints after checking consistency; the operator
 * asks its configured witnesses after each new checkpoint and publishes the cosigned checkpoint.
 */
@Configuration(proxyBeanMethods = false)
public class WitnessConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "trustspace.ledger", name = "witness", havingValue = "true", matchIfMissing = true)
    LocalWitness localWitness(
            NodeProperties properties,
            NodeIdentity identity,
            NodeKeyring keyring,
            JdbcTransactions transactions,
            JdbcNodeSettings settings,
            HttpClient outboundHttpClient,
            Clock clock) {
        NodeKeys keys = keyring.keys(KeyPurpose.WITNESS);
        URI url = URI.create(identity.publicUrl());
        String name = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/witness";
        CosignatureSigner signer =
                CosignatureSigner.create(name, keys.activeKeyPair().keyPair(), keys.suite(), clock);
        return new LocalWitness(
                signer,
                new JdbcWitnessStore(transactions),
                new JdbcWitnessAlerts(transactions, clock),
                settings,
                outboundHttpClient,
                properties.ledger().url(),
                properties.ledger().logKey(),
                clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "trustspace.ledger", name = "witness", havingValue = "true", matchIfMissing = true)
    WitnessController witnessController(LocalWitness witness) {
        return new WitnessController(witness);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "operator")
    CosigningScheduler cosigningScheduler(
            NodeProperties properties,
            ObjectProvider<EvidenceLog> evidenceLog,
            HttpClient outboundHttpClient,
            JdbcNodeSettings settings) {
        return new CosigningScheduler(
                evidenceLog.getObject(), properties.ledger().witnesses(), outboundHttpClient, settings);
    }
}
