package io.trustspace.app.config;

import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.identity.JdbcParticipantCredentials;
import io.trustspace.app.identity.Membership;
import io.trustspace.app.identity.ParticipantController;
import io.trustspace.app.identity.StatusListController;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.identity.credential.CredentialIssuer;
import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.StatusListPublisher;
import io.trustspace.identity.jdbc.JdbcParticipantRepository;
import io.trustspace.identity.jdbc.JdbcStatusListStore;
import io.trustspace.identity.participant.ParticipantRepository;
import io.trustspace.identity.participant.ParticipantService;
import io.trustspace.identity.registration.IdNumberHasher;
import io.trustspace.identity.registration.RegistrationValidator;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.FormatVerifier;
import io.trustspace.identity.verification.HttpRegistryVerifier;
import io.trustspace.identity.verification.IdentityVerifier;
import io.trustspace.identity.verification.OfflineRegistryVerifier;
import io.trustspace.identity.verification.VerificationMethod;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's admission services: registration, verification, review, credentials and status lists. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trustspace.node", name = "role", havingValue = "operator")
public class IdentityConfiguration {

    @Bean
    ParticipantRepository participantRepository(JdbcTransactions transactions) {
        return new JdbcParticipantRepository(transactions);
    }

    @Bean
    JdbcParticipantCredentials participantCredentials(JdbcTransactions transactions) {
        return new JdbcParticipantCredentials(transactions);
    }

    /** Resident ID numbers are kept only as an HMAC under a node secret that is itself sealed at rest. */
    @Bean
    IdNumberHasher idNumberHasher(NodeProperties properties, NodeKeyring keyring) {
        return new IdNumberHasher(properties.suiteId(), keyring.secret("identity.id-number-hash", 32));
    }

    @Bean
    List<IdentityVerifier> identityVerifiers(NodeProperties properties, Clock clock) {
        List<IdentityVerifier> verifiers = new ArrayList<>();
        verifiers.add(new FormatVerifier(clock));
        NodeProperties.Identity identity = properties.identity();
        if (identity.offlineRegistry() != null && !identity.offlineRegistry().isBlank()) {
            verifiers.add(OfflineRegistryVerifier.fromJson(
                            read(identity.offlineRegistry()), AssuranceLevel.SUBSTANTIAL, clock)
                    .orElseThrow());
        }
        for (NodeProperties.Registry registry : identity.registries()) {
            verifiers.add(HttpRegistryVerifier.create(
                    new HttpRegistryVerifier.Settings(
                            VerificationMethod.valueOf(registry.method()),
                            URI.create(registry.url()),
                            Duration.ofSeconds(5),
                            registry.token(),
                            AssuranceLevel.HIGH),
                    clock));
        }
        return List.copyOf(verifiers);
    }

    private static byte[] read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = IdentityConfiguration.class.getResourceAsStream(
                        "/" + location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                    if (in == null) {
                        throw new IllegalStateException("no offline registry at " + location);
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offline registry " + location, e);
        }
    }

    @Bean
    ParticipantService participantService(
            ParticipantRepository repository,
            IdNumberHasher hasher,
            List<IdentityVerifier> identityVerifiers,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            Clock clock) {
        return new ParticipantService(
                repository,
                new RegistrationValidator(hasher, clock),
                identityVerifiers,
                transactions,
                evidence,
                clock,
                UUID::randomUUID);
    }

    /**
     * The operator's current signing key, read at every issuance and status-list signature (after re-reading the
     * store, so a rotation by the CLI takes effect too); retired keys stay in the DID document for what they signed.
     */
    @Bean
    Supplier<DidSigningKey> operatorCredentialKey(NodeIdentity identity, NodeKeys signingKeys) {
        return () -> {
            signingKeys.refresh();
            NodeKeys.ActiveKeyPair key = signingKeys.activeKeyPair();
            return new DidSigningKey(identity.did(), key.kid(), key.keyPair().getPrivate(), signingKeys.suite());
        };
    }

    @Bean
    StatusListPublisher statusListPublisher(
            NodeIdentity identity,
            Supplier<DidSigningKey> operatorCredentialKey,
            JdbcTransactions transactions,
            Clock clock) {
        return new StatusListPublisher(
                operatorCredentialKey,
                new JdbcStatusListStore(transactions, new SecureRandom()),
                identity.publicUrl() + "/credentials/status",
                clock,
                Duration.ofMinutes(10));
    }

    @Bean
    CredentialIssuer credentialIssuer(
            NodeProperties properties,
            Supplier<DidSigningKey> operatorCredentialKey,
            StatusListPublisher statusLists,
            Clock clock) {
        return new CredentialIssuer(
                operatorCredentialKey,
                properties.identity().space(),
                statusLists,
                clock,
                () -> "urn:uuid:" + UUID.randomUUID(),
                Duration.ofDays(365),
                Duration.ofDays(30));
    }

    @Bean
    Membership membership(
            ParticipantService participants,
            CredentialIssuer issuer,
            StatusListPublisher statusLists,
            JdbcParticipantCredentials credentials,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            Clock clock) {
        return new Membership(participants, issuer, statusLists, credentials, transactions, evidence, clock);
    }

    @Bean
    ParticipantController participantController(
            ParticipantService participants,
            ParticipantRepository repository,
            Membership membership,
            JdbcParticipantCredentials credentials) {
        return new ParticipantController(participants, repository, membership, credentials);
    }

    @Bean
    StatusListController statusListController(StatusListPublisher statusLists) {
        return new StatusListController(statusLists);
    }
}
