package io.trustspace.app.config;

import io.trustspace.app.catalog.AccessPolicies;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.app.catalog.CatalogHarvester;
import io.trustspace.app.catalog.CatalogSearch;
import io.trustspace.app.catalog.CounterpartyCatalogController;
import io.trustspace.app.catalog.DiscoveryController;
import io.trustspace.app.catalog.DspCatalogController;
import io.trustspace.app.catalog.DspCatalogJson;
import io.trustspace.app.catalog.HarvestStore;
import io.trustspace.app.catalog.InteropSeed;
import io.trustspace.app.catalog.OperatorCatalog;
import io.trustspace.app.catalog.OperatorCatalogController;
import io.trustspace.app.catalog.OperatorDspCatalogController;
import io.trustspace.app.catalog.OptionalCaller;
import io.trustspace.app.catalog.PeerClient;
import io.trustspace.app.catalog.Periodic;
import io.trustspace.app.catalog.ProviderResourceController;
import io.trustspace.app.catalog.ProviderResources;
import io.trustspace.app.catalog.ResourcePolicyStore;
import io.trustspace.app.catalog.SearchController;
import io.trustspace.app.catalog.TckSeed;
import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.app.identity.OperatorMembership;
import io.trustspace.catalog.jdbc.JdbcResourceRepository;
import io.trustspace.catalog.resource.AdmissionChecks;
import io.trustspace.catalog.resource.ResourceRepository;
import io.trustspace.catalog.resource.ResourceService;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.catalog.search.CatalogIndex;
import io.trustspace.catalog.search.LuceneCatalogIndex;
import io.trustspace.catalog.shacl.ShapeCheck;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.identity.auth.AccessTokenVerifier;
import io.trustspace.identity.credential.CredentialIssuer;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Publication and discovery (资源交互): on every node the access-policy evaluator and the authenticated peer
 * client; on the operator the catalog of record (review, identifiers, resolution); on a connector its assets, its
 * DSP catalog and the mirror of the operator's review decisions.
 */
@Configuration(proxyBeanMethods = false)
@Import({CatalogConfiguration.Operator.class, CatalogConfiguration.Connector.class})
public class CatalogConfiguration {

    /** Calls to other nodes; bounded so that one slow peer cannot hold a request thread for long. */
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    AccessPolicies accessPolicies(Clock clock) {
        return new AccessPolicies(clock);
    }

    @Bean
    PeerClient peerClient(HttpClient outboundHttpClient, NodeMembership membership) {
        return new PeerClient(outboundHttpClient, membership, PEER_TIMEOUT);
    }

    @Bean
    OptionalCaller optionalCaller(AccessTokenVerifier verifier) {
        return new OptionalCaller(verifier);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "operator")
    @Import({OperatorCatalogController.class, SearchController.class})
    static class Operator {

        /** The directory index lives in memory and is rebuilt from the harvest table at start (ADR 0006). */
        @Bean(destroyMethod = "close")
        CatalogIndex catalogIndex() {
            return LuceneCatalogIndex.inMemory();
        }

        @Bean
        CatalogSearch catalogSearch(CatalogIndex index, AccessPolicies access) {
            return new CatalogSearch(index, access);
        }

        @Bean
        HarvestStore harvestStore(JdbcTransactions transactions) {
            return new HarvestStore(transactions);
        }

        /** Before the harvester: connectors recognise the operator by its own credential. */
        @Bean
        OperatorMembership operatorMembership(
                CredentialIssuer issuer, NodeMembership membership, NodeIdentity identity, Clock clock) {
            OperatorMembership self =
                    new OperatorMembership(issuer, membership, identity.did(), identity.name(), clock);
            self.ensure();
            return self;
        }

        @Bean
        CatalogHarvester catalogHarvester(
                PeerClient peers,
                HarvestStore store,
                CatalogSearch search,
                ResourcePolicyStore policies,
                ResourceRepository repository,
                NodeProperties properties,
                Clock clock,
                OperatorMembership self) {
            CatalogHarvester harvester = new CatalogHarvester(
                    peers,
                    store,
                    search,
                    () -> {
                        Set<String> sources = new TreeSet<>(policies.listedConnectors());
                        sources.addAll(store.sources());
                        properties
                                .catalog()
                                .peers()
                                .forEach(peer -> sources.add(peer.replaceAll("/+$", "") + DspCatalogJson.DSP_PATH));
                        return sources;
                    },
                    identifier -> !identifier
                                    .spacePrefix()
                                    .equals(properties.catalog().spacePrefix())
                            || repository
                                    .findByIdentifier(identifier)
                                    .map(resource -> resource.state() == ResourceState.LISTED)
                                    .orElse(false),
                    clock);
            harvester.rebuildIndex();
            return harvester;
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        Periodic catalogHarvest(CatalogHarvester harvester, NodeProperties properties) {
            return new Periodic("catalog-harvest", properties.catalog().harvestInterval(), harvester::harvest);
        }

        @Bean
        OperatorDspCatalogController operatorDspCatalogController(
                HarvestStore store, AccessPolicies access, NodeProperties properties, NodeIdentity identity) {
            return new OperatorDspCatalogController(
                    store, access, properties.catalog().spacePrefix(), identity.did());
        }

        @Bean
        ResourceRepository resourceRepository(JdbcTransactions transactions) {
            return new JdbcResourceRepository(transactions);
        }

        @Bean
        ResourceService resourceService(
                NodeProperties properties,
                ResourceRepository repository,
                JdbcTransactions transactions,
                EvidenceRecorder evidence,
                Clock clock) {
            return new ResourceService(
                    properties.catalog().spacePrefix(),
                    repository,
                    new AdmissionChecks(List.of(new ShapeCheck())),
                    transactions,
                    evidence,
                    clock,
                    UUID::randomUUID);
        }

        @Bean
        ResourcePolicyStore resourcePolicyStore(JdbcTransactions transactions) {
            return new ResourcePolicyStore(transactions);
        }

        @Bean
        OperatorCatalog operatorCatalog(
                ResourceService resources,
                ResourceRepository repository,
                ResourcePolicyStore policies,
                AccessPolicies access,
                JdbcTransactions transactions) {
            return new OperatorCatalog(resources, repository, policies, access, transactions);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "connector", matchIfMissing = true)
    @Import({ProviderResourceController.class, DspCatalogController.class})
    static class Connector {

        @Bean
        CounterpartyCatalogController counterpartyCatalogController(PeerClient peers) {
            return new CounterpartyCatalogController(peers);
        }

        @Bean
        DiscoveryController discoveryController(PeerClient peers, NodeProperties properties) {
            return new DiscoveryController(peers, () -> operatorUrl(properties));
        }

        @Bean
        AssetStore assetStore(
                JdbcTransactions transactions,
                org.springframework.beans.factory.ObjectProvider<io.trustspace.app.contract.SourceHasher> hashers) {
            // A provider's file is hashed when it is stored rather than on its first pull (ADR 0010).
            return new AssetStore(transactions, asset -> hashers.ifAvailable(hasher -> hasher.stored(asset)));
        }

        @Bean
        DspCatalogJson dspCatalogJson(NodeProperties properties, NodeIdentity identity) {
            String participant = Optional.ofNullable(properties.dsp().participantId())
                    .filter(id -> !id.isBlank())
                    .orElse(identity.did());
            return new DspCatalogJson(participant, identity.publicUrl() + DspCatalogJson.DSP_PATH);
        }

        @Bean
        ProviderResources providerResources(
                AssetStore assets, PeerClient peers, NodeProperties properties, NodeIdentity identity, Clock clock) {
            return new ProviderResources(
                    assets,
                    peers,
                    () -> operatorUrl(properties),
                    identity.publicUrl() + DspCatalogJson.DSP_PATH,
                    clock);
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        Periodic catalogSync(ProviderResources resources, NodeProperties properties) {
            // Only assets that exist here are mirrored, so a connector without resources costs the operator nothing.
            return new Periodic("catalog-sync", properties.catalog().syncInterval(), () -> {
                if (operatorUrl(properties).isPresent() && !resources.all().isEmpty()) {
                    resources.sync();
                }
            });
        }

        @Bean
        TckSeed tckSeed(NodeProperties properties, AssetStore assets, Clock clock) {
            TckSeed seed = new TckSeed(assets, clock);
            if (properties.dsp().tckSeed()) {
                seed.load();
            }
            return seed;
        }

        @Bean
        InteropSeed interopSeed(NodeProperties properties, AssetStore assets, Clock clock) throws java.io.IOException {
            InteropSeed seed = new InteropSeed(assets, clock);
            if (properties.dsp().interopSeedFile() != null) {
                if (!properties.dsp().interop()) {
                    throw new IllegalStateException(
                            "trustspace.dsp.interop-seed-file needs the interop profile (trustspace.dsp.interop-participant)");
                }
                seed.load(properties.dsp().interopSeedFile());
            }
            return seed;
        }

        private static Optional<String> operatorUrl(NodeProperties properties) {
            return Optional.ofNullable(properties.catalog().operatorUrl())
                    .or(() -> Optional.ofNullable(properties.ledger().url()))
                    .filter(url -> !url.isBlank())
                    .map(url -> url.replaceAll("/+$", ""));
        }
    }
}
