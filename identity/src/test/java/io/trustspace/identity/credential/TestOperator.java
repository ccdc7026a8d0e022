package io.trustspace.identity.credential;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** One space's operator for tests: key, status lists and credential issuer, all in memory. */
public final class TestOperator {

    public static final Duration VALIDITY = Duration.ofDays(365);
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

    public final String did;
    public final String space;
    public final CryptoSuite suite;
    public final DidSigningKey key;
    public final InMemoryStatusListStore store;
    public final StatusListPublisher statusLists;
    public final CredentialIssuer issuer;

    private final InMemoryDidKeys didKeys;
    private final AtomicInteger nextId = new AtomicInteger();

    /** The operator {@code did:web:operator.<name>.example} of space {@code space-<name>}. */
    public TestOperator(String name, SuiteId suiteId, Clock clock, InMemoryDidKeys didKeys) {
        this(name, "space-" + name, suiteId, clock, didKeys);
    }

    public TestOperator(String name, String space, SuiteId suiteId, Clock clock, InMemoryDidKeys didKeys) {
        this.did = "did:web:operator." + name + ".example";
        this.space = space;
        this.suite = CryptoSuites.of(suiteId);
        this.didKeys = didKeys;
        this.key = didKeys.newKey(did, "key-1", suite);
        this.store = new InMemoryStatusListStore(new Random(name.hashCode()));
        this.statusLists = new StatusListPublisher(
                key, store, "https://operator." + name + ".example/status", clock, Duration.ofMinutes(15));
        this.issuer = new CredentialIssuer(
                key,
                space,
                statusLists,
                clock,
                () -> "urn:uuid:00000000-0000-4000-8000-" + "%012d".formatted(nextId.incrementAndGet()),
                VALIDITY,
                RENEWAL_WINDOW);
    }

    /** A key for a participant of this space, in the participant's own suite (the operator's). */
    public DidSigningKey participantKey(String did) {
        return didKeys.newKey(did, "key-1", suite);
    }

    /** Claims for {@code did}, with roles provider and consumer. */
    public static MembershipClaims claims(String did) {
        return claims(did, Set.of("provider", "consumer"));
    }

    public static MembershipClaims claims(String did, Set<String> roles) {
        return new MembershipClaims(
                did, "福建数据有限公司", new LegalIdentifier.Uscc("91350100M000100Y43"), roles, "SUBSTANTIAL", "I65", "350100");
    }

    public IssuedCredential issue(String did) {
        return issuer.issue(claims(did));
    }
}
