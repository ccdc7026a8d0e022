package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A status list credential whose signature, type, id and validity checked out, with its decoded bitstring. Immutable
 * and thread-safe.
 *
 * @param url where it was fetched from, equal to its {@code id}
 * @param issuer the DID that signed it
 * @param purposes its {@code statusPurpose} values
 * @param validUntil its {@code validUntil}, or null if it has none
 * @param ttl how long a verifier may cache it ({@code credentialSubject.ttl}, 5 minutes by default)
 */
public record VerifiedStatusList(
        String url,
        String issuer,
        Set<String> purposes,
        BitstringStatusList list,
        Instant validFrom,
        Instant validUntil,
        Duration ttl) {

    public VerifiedStatusList {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(issuer, "issuer");
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(ttl, "ttl");
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(validUntil);
    }

    /**
     * Whether bit {@code index} is set, read as {@code purpose}. INVALID if this list is not for {@code purpose}
     * (the spec's STATUS_VERIFICATION_ERROR) or {@code index} lies beyond the list (RANGE_ERROR).
     */
    public Result<Boolean> isSet(int index, StatusPurpose purpose) {
        if (!purposes.contains(purpose.jsonName())) {
            return Result.invalid("status list " + url + " is for " + purposes + ", not for " + purpose.jsonName());
        }
        if (index < 0 || index >= list.size()) {
            return Result.invalid(
                    "status list index " + index + " is outside " + url + " (" + list.size() + " entries)");
        }
        return Result.ok(list.isSet(index));
    }
}
