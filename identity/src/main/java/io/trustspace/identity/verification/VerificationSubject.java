package io.trustspace.identity.verification;

import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.ResidentIdNumber;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier is asked to confirm about one participant: the registered name and, by kind, the unified social
 * credit code and legal representative, or the masked resident ID number. The plain ID number is present only
 * when the caller supplied it for this verification run ({@link #withResidentIdNumber}); it is never stored, and
 * {@link #toString()} never shows it.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationSubject {

    private final String participantId;
    private final RegistrationDetails details;
    private final ResidentIdNumber residentIdNumber;

    private VerificationSubject(String participantId, RegistrationDetails details, ResidentIdNumber residentIdNumber) {
        this.participantId = Objects.requireNonNull(participantId, "participantId");
        this.details = Objects.requireNonNull(details, "details");
        this.residentIdNumber = residentIdNumber;
    }

    public static VerificationSubject of(String participantId, RegistrationDetails details) {
        return new VerificationSubject(participantId, details, null);
    }

    /**
     * This subject with the individual's plain ID number, for verifiers that look it up (公安). The caller checks
     * beforehand that it matches the stored hash.
     *
     * @throws IllegalArgumentException if the subject is not an individual
     */
    public VerificationSubject withResidentIdNumber(ResidentIdNumber number) {
        if (kind() != ParticipantKind.INDIVIDUAL) {
            throw new IllegalArgumentException("only an individual has a resident ID number");
        }
        return new VerificationSubject(participantId, details, Objects.requireNonNull(number, "number"));
    }

    public String participantId() {
        return participantId;
    }

    public ParticipantKind kind() {
        return details.kind();
    }

    public String legalName() {
        return details.legalName();
    }

    /** The registration as stored (no plain ID number). */
    public RegistrationDetails details() {
        return details;
    }

    public Optional<UnifiedSocialCreditCode> uscc() {
        return details.creditCode();
    }

    public Optional<String> legalRepresentative() {
        if (details instanceof RegistrationDetails.Organisation organisation) {
            return Optional.of(organisation.legalRepresentative());
        }
        if (details instanceof RegistrationDetails.ServiceProvider provider) {
            return Optional.of(provider.organisation().legalRepresentative());
        }
        return Optional.empty();
    }

    public Optional<String> idNumberMasked() {
        return details.idNumberMasked();
    }

    /** The plain number, when supplied for this run. */
    public Optional<ResidentIdNumber> residentIdNumber() {
        return Optional.ofNullable(residentIdNumber);
    }

    @Override
    public String toString() {
        return "VerificationSubject[" + participantId + ", " + kind() + ", "
                + uscc().map(UnifiedSocialCreditCode::value)
                        .orElseGet(() -> idNumberMasked().orElse("")) + "]";
    }
}
