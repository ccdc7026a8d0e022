package io.trustspace.app.config;

import io.trustspace.app.catalog.AssetStore;
import io.trustspace.app.catalog.DspCatalogJson;
import io.trustspace.app.contract.AgreementSigner;
import io.trustspace.app.contract.Agreements;
import io.trustspace.app.contract.ContractAutomation;
import io.trustspace.app.contract.ContractManagementController;
import io.trustspace.app.contract.DataPlane;
import io.trustspace.app.contract.DataPlaneController;
import io.trustspace.app.contract.DspContractController;
import io.trustspace.app.contract.DspDispatcher;
import io.trustspace.app.contract.DspOutbox;
import io.trustspace.app.contract.JdbcNegotiationRepository;
import io.trustspace.app.contract.JdbcTransferProcessRepository;
import io.trustspace.app.contract.Negotiations;
import io.trustspace.app.contract.ProcessWatch;
import io.trustspace.app.contract.PushDelivery;
import io.trustspace.app.contract.ReplyFirstFilter;
import io.trustspace.app.contract.RetransferControl;
import io.trustspace.app.contract.SinkPolicy;
import io.trustspace.app.contract.SourceDigests;
import io.trustspace.app.contract.SourceHasher;
import io.trustspace.app.contract.TckHooks;
import io.trustspace.app.contract.TckScript;
import io.trustspace.app.contract.TckSeedAgreements;
import io.trustspace.app.contract.Transfers;
import io.trustspace.app.contract.UsageControl;
import io.trustspace.app.did.DidKeyResolver;
import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contracts and transfers on a connector (履约): DSP negotiation and transfer endpoints for both roles, the outbox of
 * DSP messages, the automation that decides and acts, agreements, and the pull data plane.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "connector", matchIfMissing = true)
@Import(DspContractController.class)
public class ContractConfiguration {

    static final int SENDER_THREADS = 32;
    static final int AUTOMATION_THREADS = 8;

    private static SinkPolicy sinkPolicy(NodeProperties properties) {
        return new SinkPolicy(
                properties.dsp().allowPrivateSinks(), properties.dsp().allowedSinks());
    }

    /** DSP messages caused by a received one go out after our answer to it. */
    @Bean
    FilterRegistrationBean<ReplyFirstFilter> replyFirstFilter() {
        FilterRegistrationBean<ReplyFirstFilter> registration = new FilterRegistrationBean<>(new ReplyFirstFilter());
        registration.addUrlPatterns("/dsp/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    JdbcNegotiationRepository negotiationRepository(JdbcTransactions transactions) {
        return new JdbcNegotiationRepository(transactions);
    }

    @Bean
    JdbcTransferProcessRepository transferProcessRepository(JdbcTransactions transactions) {
        return new JdbcTransferProcessRepository(transactions);
    }

    @Bean
    ProcessWatch processWatch() {
        return new ProcessWatch();
    }

    @Bean
    DspOutbox dspOutbox(JdbcTransactions transactions) {
        return new DspOutbox(transactions);
    }

    @Bean
    Agreements agreements(JdbcTransactions transactions) {
        return new Agreements(transactions);
    }

    @Bean(destroyMethod = "close")
    DspDispatcher dspDispatcher(
            DspOutbox outbox,
            HttpClient outboundHttpClient,
            NodeMembership membership,
            NodeProperties properties,
            DspCatalogJson catalogJson,
            Clock clock) {
        String self = catalogJson.participantId();
        JsonMapper json = JsonMapper.builder().build();
        return new DspDispatcher(
                outbox,
                outboundHttpClient,
                audience -> {
                    if (audience.startsWith("did:")) {
                        return membership.tokenFor(audience).map(token -> "Bearer " + token);
                    }
                    if (properties.dsp().interop()) {
                        // Interop peers (the TCK, EDC's iam-mock) take this shape and check nothing else.
                        return Result.ok(json.writeValueAsString(
                                java.util.Map.of("region", "any", "audience", audience, "clientId", self)));
                    }
                    return Result.unavailable(audience + " is not a DID and the interop profile is off");
                },
                SENDER_THREADS,
                clock);
    }

    @Bean
    Negotiations negotiations(
            JdbcNegotiationRepository repository,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            DspDispatcher dispatcher,
            ProcessWatch watch,
            Agreements agreements,
            AgreementSigner signatures,
            NodeProperties properties,
            Clock clock) {
        return new Negotiations(
                repository,
                transactions,
                evidence,
                dispatcher,
                watch,
                agreements,
                signatures,
                clock,
                properties.dsp().messageGap());
    }

    @Bean
    AgreementSigner agreementSigner(NodeKeys signingKeys, DidKeyResolver didKeyResolver) {
        return new AgreementSigner(signingKeys, didKeyResolver);
    }

    @Bean
    Transfers transfers(
            JdbcTransferProcessRepository repository,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            DspDispatcher dispatcher,
            ProcessWatch watch,
            Agreements agreements,
            NodeProperties properties,
            Clock clock) {
        return new Transfers(
                repository,
                transactions,
                evidence,
                dispatcher,
                watch,
                agreements,
                clock,
                properties.dsp().messageGap());
    }

    @Bean
    DataPlane dataPlane(NodeKeys signingKeys, NodeIdentity identity, NodeProperties properties, Clock clock) {
        return new DataPlane(
                signingKeys,
                properties.dataPlane().publicUrl(identity.publicUrl()),
                properties.dsp().pullTokenTtl(),
                clock,
                properties.dsp().interop());
    }

    @Bean(destroyMethod = "close")
    ContractAutomation contractAutomation(
            Negotiations negotiations,
            Transfers transfers,
            AssetStore assets,
            JdbcTransactions transactions,
            AgreementSigner signatures,
            DataPlane dataPlane,
            DspCatalogJson catalogJson,
            NodeProperties properties,
            DspDispatcher dispatcher,
            Agreements agreements,
            Clock clock) {
        ContractAutomation automation = new ContractAutomation(
                negotiations,
                transfers,
                assets,
                transactions,
                signatures,
                dataPlane,
                catalogJson.participantId(),
                clock,
                properties.dsp().stepDelay(),
                properties.dsp().tckSeed() ? new TckScript() : null,
                sinkPolicy(properties),
                AUTOMATION_THREADS);
        if (properties.dsp().tckSeed()) {
            new TckSeedAgreements(
                            agreements,
                            catalogJson.participantId(),
                            properties.dsp().interopParticipant(),
                            clock)
                    .load();
        }
        dispatcher.listen(new DspDispatcher.Listener() {
            @Override
            public void replied(DspOutbox.Pending message, tools.jackson.databind.JsonNode reply) {
                if (message.type().equals("ContractRequestMessage")
                        && !message.body().has("providerPid")) {
                    if (DspCodec.read(reply, ContractNegotiationResponse.class)
                            instanceof Result.Ok<ContractNegotiationResponse> response) {
                        negotiations.replied(message.processId(), response.value());
                    }
                } else if (message.type().equals("TransferRequestMessage")) {
                    if (DspCodec.read(reply, TransferProcessResponse.class)
                            instanceof Result.Ok<TransferProcessResponse> response) {
                        transfers.replied(message.processId(), response.value());
                    }
                }
            }

            @Override
            public void failed(DspOutbox.Pending message, String reason) {
                if (message.type().startsWith("Transfer")) {
                    transfers.undeliverable(message.processId(), message.type(), reason);
                } else {
                    negotiations.undeliverable(message.processId(), message.type(), reason);
                }
            }
        });
        dispatcher.start();
        return automation;
    }

    /**
     * After a restart, decide again for everything that waits on this side — once every bean exists, so that a step
     * resumed now finds all it needs (a started push its delivery, which is attached after the automation).
     */
    @Bean
    SmartInitializingSingleton resumeContracts(ContractAutomation automation) {
        return automation::resume;
    }

    @Bean
    RetransferControl retransferControl(
            Agreements agreements,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            Clock clock,
            io.trustspace.app.catalog.ProviderResources resources) {
        RetransferControl control = new RetransferControl(agreements, transactions, evidence, clock);
        resources.derivation(control::offers);
        return control;
    }

    @Bean
    UsageControl usageControl(
            Transfers transfers,
            Agreements agreements,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            Clock clock) {
        return new UsageControl(transfers, agreements, transactions, evidence, clock);
    }

    @Bean
    PushDelivery pushDelivery(
            Transfers transfers,
            UsageControl usage,
            AssetStore assets,
            NodeProperties properties,
            HttpClient outboundHttpClient,
            ContractAutomation automation,
            CryptoSuite suite,
            EvidenceRecorder evidence) {
        PushDelivery delivery =
                new PushDelivery(transfers, usage, assets, sinkPolicy(properties), outboundHttpClient, suite, evidence);
        automation.pushWith(delivery);
        return delivery;
    }

    /** Digests of file versions the data plane has established, by sending or by hashing ahead (ADR 0010). */
    @Bean
    SourceDigests sourceDigests(JdbcTransactions transactions) {
        SourceDigests digests = new SourceDigests(transactions);
        // Once per start, off the start-up path: rows of deleted sources would otherwise stay for good.
        Thread forget = new Thread(digests::forgetMissing, "source-digest-forget");
        forget.setDaemon(true);
        forget.setPriority(Thread.MIN_PRIORITY);
        forget.start();
        return digests;
    }

    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "trustspace.data-plane.remember-digests",
            havingValue = "true",
            matchIfMissing = true)
    SourceHasher sourceHasher(SourceDigests digests, CryptoSuite suite, Clock clock) {
        return new SourceHasher(digests, suite::newDigest, clock);
    }

    @Bean
    DataPlaneController dataPlaneController(
            DataPlane dataPlane,
            UsageControl usage,
            AssetStore assets,
            HttpClient outboundHttpClient,
            CryptoSuite suite,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            SourceDigests digests,
            NodeProperties properties) {
        return new DataPlaneController(
                dataPlane,
                usage,
                assets,
                outboundHttpClient,
                suite,
                transactions,
                evidence,
                digests,
                properties.dataPlane().rememberDigests());
    }

    @Bean
    ContractManagementController contractManagementController(
            Negotiations negotiations,
            Transfers transfers,
            Agreements agreements,
            ContractAutomation automation,
            ProcessWatch watch,
            NodeIdentity identity,
            CryptoSuite suite,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            NodeProperties properties) {
        return new ContractManagementController(
                negotiations,
                transfers,
                agreements,
                automation,
                watch,
                identity.publicUrl() + DspCatalogJson.DSP_PATH,
                suite,
                transactions,
                evidence,
                properties.dsp().interop());
    }

    @Bean
    @ConditionalOnProperty(prefix = "trustspace.dsp", name = "tck-seed", havingValue = "true")
    TckHooks tckHooks(Negotiations negotiations, Transfers transfers, NodeIdentity identity) {
        return new TckHooks(negotiations, transfers, identity.publicUrl() + DspCatalogJson.DSP_PATH);
    }
}
