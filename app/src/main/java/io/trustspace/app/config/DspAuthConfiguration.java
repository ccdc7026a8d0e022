package io.trustspace.app.config;

import io.trustspace.app.did.DidKeyResolver;
import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.app.dsp.DspIdentityController;
import io.trustspace.app.dsp.MembershipController;
import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.app.http.OutboundHttpClients;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.identity.auth.AccessTokenIssuer;
import io.trustspace.identity.auth.AccessTokenVerifier;
import io.trustspace.identity.auth.ReplayCache;
import io.trustspace.identity.credential.CachingStatusLists;
import io.trustspace.identity.credential.DidKeys;
import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.MembershipClaim;
import io.trustspace.identity.credential.StatusListChecker;
import io.trustspace.identity.credential.StatusListFetcher;
import io.trustspace.identity.trust.TrustList;
import io.trustspace.identity.trust.TrustedIssuer;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Connector-to-connector authentication: the tokens this node presents (with its installed membership credential)
 * and the checks it makes on every DSP request (signature, trust list, credential status, expiry, audience,
 * replay), with cross-space recognition by trust list.
 */
@Configuration(proxyBeanMethods = false)
@Import({DspIdentityController.class, MembershipController.class})
public class DspAuthConfiguration {

    /** Most token ids remembered against replay; beyond it new tokens are refused rather than risk a replay. */
    static final int REPLAY_CACHE_ENTRIES = 100_000;

    @Bean
    DidKeyResolver didKeyResolver(NodeProperties properties, HttpClient outboundHttpClient, Clock clock) {
        return new DidKeyResolver(outboundHttpClient, properties.did().httpOnLoopback(), clock);
    }

    @Bean
    DidKeys didKeys(DidKeyResolver resolver) {
        return resolver::resolve;
    }

    @Bean
    NodeMembership nodeMembership(JdbcNodeSettings settings, NodeIdentity identity, NodeKeys signingKeys, Clock clock) {
        // The key is read for every token, so an in-process rotation takes effect at once.
        AccessTokenIssuer tokens = new AccessTokenIssuer(
                () -> {
                    NodeKeys.ActiveKeyPair key = signingKeys.activeKeyPair();
                    return new DidSigningKey(
                            identity.did(), key.kid(), key.keyPair().getPrivate(), signingKeys.suite());
                },
                clock,
                () -> UUID.randomUUID().toString(),
                Duration.ofMinutes(5));
        return new NodeMembership(settings, tokens);
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(
            NodeProperties properties,
            NodeIdentity identity,
            CryptoSuite suite,
            DidKeys didKeys,
            HttpClient outboundHttpClient,
            EvidenceRecorder evidence,
            Clock clock) {
        TrustList trustList = trustList(properties.identity().trustedIssuers());
        StatusListFetcher fetcher = url ->
                OutboundHttpClients.getText(outboundHttpClient, url, Duration.ofSeconds(5), "status list " + url);
        return new AccessTokenVerifier(
                identity.did(),
                suite,
                didKeys,
                () -> trustList,
                new CachingStatusLists(
                        fetcher, new StatusListChecker(didKeys, clock), clock, Duration.ofMinutes(1), 1_000),
                new ReplayCache(REPLAY_CACHE_ENTRIES),
                attempt -> evidence.record("auth.rejected", List.of(identity.did()), attempt.canonicalJson()),
                clock);
    }

    @Bean
    FilterRegistrationBean<DspAuthFilter> dspAuthFilter(AccessTokenVerifier verifier, NodeProperties properties) {
        DspAuthFilter filter;
        if (properties.dsp().interop()) {
            boolean fromToken = NodeProperties.Dsp.INTEROP_FROM_TOKEN.equals(
                    properties.dsp().interopParticipant());
            LoggerFactory.getLogger(DspAuthConfiguration.class)
                    .warn(
                            "DSP interoperability profile ON: any Authorization header is accepted as participant '{}'."
                                    + " Conformance testing only; never in a real space.",
                            fromToken
                                    ? "<clientId of the iam-mock token>"
                                    : properties.dsp().interopParticipant());
            filter = new DspAuthFilter(
                    verifier,
                    DspAuthFilter.interopCaller(
                            properties.dsp().interopParticipant(), java.time.Instant.parse("9999-12-31T00:00:00Z")),
                    fromToken);
        } else {
            filter = new DspAuthFilter(verifier);
        }
        FilterRegistrationBean<DspAuthFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/dsp/*");
        registration.setOrder(0);
        return registration;
    }

    static TrustList trustList(List<NodeProperties.TrustedIssuerSetting> settings) {
        return TrustList.of(settings.stream()
                .map(issuer -> issuer.home()
                        ? TrustedIssuer.home(issuer.did(), issuer.space())
                        : TrustedIssuer.recognized(
                                issuer.did(),
                                issuer.space(),
                                Set.copyOf(issuer.roles()),
                                issuer.claims().stream()
                                        .map(name -> MembershipClaim.fromJsonName(name)
                                                .orElseThrow(
                                                        () -> new IllegalArgumentException("unknown claim " + name)))
                                        .collect(() -> EnumSet.noneOf(MembershipClaim.class), Set::add, Set::addAll)))
                .toList());
    }
}
