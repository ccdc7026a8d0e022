package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operator issues membership credentials on approval and renews them before they expire. A credential is the VC
 * 2.0 JSON of {@link MembershipCredential} signed as a compact JWS with header {@code typ vc+jwt}, {@code cty vc} and
 * {@code kid <operator DID>#<key id>}, with the suite's algorithm (EdDSA or ES256 in intl, SM2SM3 in gm), per
 * VC-JOSE-COSE §3.1.1. Each credential has a revocation and a suspension entry at one freshly allocated position of
 * the operator's status lists.
 *
 * <p>Renewal issues a new credential (new id, new validity period) with the same claims and the same status entries,
 * so revoking the participant revokes every credential it ever held. It is allowed only inside the renewal window
 * before {@code validUntil}, and never for a revoked or suspended credential; after expiry the participant goes
 * through admission again.
 *
 * <p>Thread-safe if the status list store and the id supplier are.
 */
public final class CredentialIssuer {

    private final Supplier<DidSigningKey> operator;
    private final String space;
    private final StatusListPublisher statusLists;
    private final Clock clock;
    private final Supplier<String> credentialIds;
    private final Duration validity;
    private final Duration renewalWindow;

    /**
     * @param space the id of the space this operator runs
     * @param credentialIds fresh credential ids, such as {@code urn:uuid:<random UUID>}
     * @param validity how long a credential is valid, at least one day
     * @param renewalWindow how long before {@code validUntil} renewal opens; positive and shorter than validity
     */
    public CredentialIssuer(
            DidSigningKey operator,
            String space,
            StatusListPublisher statusLists,
            Clock clock,
            Supplier<String> credentialIds,
            Duration validity,
            Duration renewalWindow) {
        this(() -> operator, space, statusLists, clock, credentialIds, validity, renewalWindow);
    }

    /**
     * As above, with the operator's key read at every issuance, so that a rotated key is used at once (the retired
     * one stays in the DID document for credentials already issued).
     */
    public CredentialIssuer(
            Supplier<DidSigningKey> operator,
            String space,
            StatusListPublisher statusLists,
            Clock clock,
            Supplier<String> credentialIds,
            Duration validity,
            Duration renewalWindow) {
        this.operator = Objects.requireNonNull(operator, "operator");
        if (!MembershipCredential.isSpaceId(space)) {
            throw new IllegalArgumentException("not a space id: " + DidUrl.quote(space));
        }
        this.space = space;
        this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
        if (!statusLists.issuer().equals(operator.get().did())) {
            throw new IllegalArgumentException("status lists are published by " + statusLists.issuer()
                    + ", not by the issuing operator " + operator.get().did());
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentialIds = Objects.requireNonNull(credentialIds, "credentialIds");
        if (validity.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("credential validity must be at least one day");
        }
        if (renewalWindow.isNegative() || renewalWindow.isZero() || renewalWindow.compareTo(validity) >= 0) {
            throw new IllegalArgumentException("renewal window must be positive and shorter than the validity");
        }
        this.validity = validity;
        this.renewalWindow = renewalWindow;
    }

    /**
     * Issues a credential for {@code claims}, valid from now for the configured validity, with a new status position.
     *
     * @throws IllegalArgumentException if the id supplier yields an id that is not a URI
     */
    public IssuedCredential issue(MembershipClaims claims) {
        return sign(claims, statusLists.allocate());
    }

    /** When renewal of {@code credential} opens: {@code validUntil} minus the renewal window. */
    public Instant renewalOpensAt(MembershipCredential credential) {
        return credential.validUntil().minus(renewalWindow);
    }

    /**
     * Renews {@code current}: INVALID if this operator did not issue it for this space; CONFLICT if renewal has not
     * opened yet, the credential has expired, or it is revoked or suspended.
     */
    public Result<IssuedCredential> renew(MembershipCredential current) {
        if (!current.issuer().equals(operator.get().did()) || !current.space().equals(space)) {
            return Result.invalid("credential " + current.id() + " was issued by " + current.issuer() + " for space "
                    + current.space() + ", not by this operator for " + space);
        }
        Instant now = clock.instant();
        if (now.isBefore(renewalOpensAt(current))) {
            return Result.conflict(
                    "credential " + current.id() + " can be renewed from " + renewalOpensAt(current) + ", not yet");
        }
        if (!now.isBefore(current.validUntil())) {
            return Result.conflict("credential " + current.id() + " expired at " + current.validUntil()
                    + "; an expired credential is not renewed, the participant is admitted again");
        }
        Result<StatusListPosition> position = statusLists.positionOf(current);
        if (position instanceof Result.Failure<StatusListPosition> failure) {
            return failure.cast();
        }
        if (statusLists.isSet(position.orElseThrow(), StatusPurpose.REVOCATION)) {
            return Result.conflict("credential " + current.id() + " is revoked");
        }
        if (statusLists.isSet(position.orElseThrow(), StatusPurpose.SUSPENSION)) {
            return Result.conflict("credential " + current.id() + " is suspended; reinstate it before renewal");
        }
        return Result.ok(sign(current.claims(), current.status()));
    }

    private IssuedCredential sign(MembershipClaims claims, List<StatusEntry> status) {
        Instant validFrom = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        MembershipCredential credential = new MembershipCredential(
                credentialIds.get(), operator.get().did(), space, claims, validFrom, validFrom.plus(validity), status);
        String jwt = operator.get().sign(VcJson.VC_JWT_TYPE, "vc", VcJson.write(credential.toJson()));
        return new IssuedCredential(credential, jwt);
    }
}
