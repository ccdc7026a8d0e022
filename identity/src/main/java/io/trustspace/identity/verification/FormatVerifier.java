package io.trustspace.identity.verification;

import io.trustspace.identity.registration.FieldError;
import io.trustspace.identity.registration.ResidentIdNumber;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in check: the unified social credit code passes GB 32100 (with its GB 11714 organisation code), or the
 * resident ID number passes GB 11643. Registration already refuses codes that fail, so this normally confirms at
 * {@link AssuranceLevel#LOW}; it is kept as a result so that a participant's record shows what was checked, and it
 * re-checks in case the rules tightened since registration.
 *
 * <p>An individual's plain number is re-checked when supplied; otherwise the result records that it was checked at
 * registration (only its masked form is kept). Local and instant; thread-safe.
 */
public final class FormatVerifier implements IdentityVerifier {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public FormatVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VerificationMethod method() {
        return VerificationMethod.FORMAT;
    }

    @Override
    public boolean appliesTo(VerificationSubject subject) {
        return true;
    }

    @Override
    public VerificationResult verify(VerificationSubject subject) {
        Instant now = clock.instant();
        Optional<UnifiedSocialCreditCode> uscc = subject.uscc();
        if (uscc.isPresent()) {
            return judge(
                    UnifiedSocialCreditCode.check("uscc", uscc.get().value()),
                    "GB 32100 structure, GB 11714 organisation code and check character of "
                            + uscc.get().value(),
                    now);
        }
        Optional<ResidentIdNumber> number = subject.residentIdNumber();
        if (number.isPresent()) {
            return judge(
                    ResidentIdNumber.check("idNumber", number.get().value(), LocalDate.ofInstant(now, CHINA)),
                    "GB 11643 address code, birth date and check character of "
                            + number.get().masked(),
                    now);
        }
        return VerificationResult.verified(
                method(),
                AssuranceLevel.LOW,
                "GB 11643 checks of " + subject.idNumberMasked().orElse("the ID number")
                        + " passed at registration; the number itself is not kept",
                now);
    }

    private VerificationResult judge(List<FieldError> errors, String what, Instant now) {
        if (errors.isEmpty()) {
            return VerificationResult.verified(method(), AssuranceLevel.LOW, what + " are valid", now);
        }
        return VerificationResult.mismatch(method(), what + " fail: " + FieldError.describe(errors), now);
    }
}
