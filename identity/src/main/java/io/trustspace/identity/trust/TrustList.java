package io.trustspace.identity.trust;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operators whose membership credentials this space accepts, by DID: the home operator and the operators of the
 * spaces it recognises. An issuer not on the list is untrusted, whatever it signs. Immutable and thread-safe; to
 * change the list, build a new one and hand it to the verifier's supplier.
 */
public final class TrustList {

    private final Map<String, TrustedIssuer> issuers;

    private TrustList(Map<String, TrustedIssuer> issuers) {
        this.issuers = issuers;
    }

    /** @throws IllegalArgumentException if two entries have the same DID */
    public static TrustList of(Collection<TrustedIssuer> issuers) {
        return new TrustList(issuers.stream()
                .collect(Collectors.toUnmodifiableMap(TrustedIssuer::did, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("issuer " + a.did() + " is listed twice");
                })));
    }

    public static TrustList of(TrustedIssuer... issuers) {
        return of(List.of(issuers));
    }

    /** The entry for {@code did}, or empty if this space does not trust it. */
    public Optional<TrustedIssuer> issuer(String did) {
        return Optional.ofNullable(issuers.get(did));
    }

    public Collection<TrustedIssuer> issuers() {
        return issuers.values();
    }

    @Override
    public String toString() {
        return "TrustList" + issuers.keySet();
    }
}
