package io.trustspace.identity.verification;

import io.trustspace.identity.registration.Contact;
import io.trustspace.identity.registration.DivisionCode;
import io.trustspace.identity.registration.IndustryCode;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.ResidentIdNumber;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.time.LocalDate;

/** Verification subjects for tests. */
final class Subjects {

    static final String PARTICIPANT = "urn:trustspace:participant:00000000-0000-4000-8000-000000000001";

    private Subjects() {}

    static VerificationSubject organisation(String uscc, String name, String legalRepresentative) {
        return VerificationSubject.of(
                PARTICIPANT,
                new RegistrationDetails.Organisation(
                        name,
                        UnifiedSocialCreditCode.parse(uscc).orElseThrow(),
                        legalRepresentative,
                        new Contact("王芳", "13800138000", null),
                        IndustryCode.parse("I6510").orElseThrow(),
                        DivisionCode.parse("110105").orElseThrow()));
    }

    static VerificationSubject individual(String number, String name) {
        ResidentIdNumber id =
                ResidentIdNumber.parse(number, LocalDate.of(2026, 3, 1)).orElseThrow();
        return VerificationSubject.of(
                        PARTICIPANT,
                        new RegistrationDetails.Individual(
                                name,
                                "hmac-sha256:" + "ab".repeat(32),
                                id.masked(),
                                new Contact(name, "13912345678", null)))
                .withResidentIdNumber(id);
    }

    static VerificationSubject individualWithoutNumber(String masked, String name) {
        return VerificationSubject.of(
                PARTICIPANT,
                new RegistrationDetails.Individual(
                        name, "hmac-sha256:" + "ab".repeat(32), masked, new Contact(name, "13912345678", null)));
    }
}
