package io.trustspace.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00.123456Z"), ZoneOffset.UTC);

    private final FormatVerifier verifier = new FormatVerifier(CLOCK);

    @Test
    void organisations_areVerifiedAtLowAssurance() {
        VerificationResult result = verifier.verify(Subjects.organisation("91350100M000100Y43", "示例公司", "某人"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(result.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(result.details()).contains("GB 32100");
        assertThat(result.checkedAt())
                .as("kept to the millisecond")
                .isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
    }

    @Test
    void individuals_areReChecked_whenTheNumberIsSupplied_andNeverEchoed() {
        VerificationResult result = verifier.verify(Subjects.individual("110105199003071239", "李娜"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(result.details())
                .contains("GB 11643")
                .contains("110105********1239")
                .doesNotContain("110105199003071239");
    }

    @Test
    void individualsWithoutTheNumber_referToTheRegistrationCheck() {
        VerificationResult result = verifier.verify(Subjects.individualWithoutNumber("110105********1239", "李娜"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(result.details()).contains("at registration");
        assertThat(verifier.appliesTo(Subjects.individualWithoutNumber("110105********1239", "李娜")))
                .isTrue();
    }

    @Test
    void results_tieTheLevelToTheOutcome_andBoundTheirDetails() {
        Instant now = CLOCK.instant();
        assertThatThrownBy(() -> new VerificationResult(
                        VerificationMethod.TAX, VerificationOutcome.MISMATCH, AssuranceLevel.LOW, "x", now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerificationResult(
                        VerificationMethod.TAX, VerificationOutcome.VERIFIED, AssuranceLevel.NONE, "x", now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VerificationResult.unavailable(VerificationMethod.TAX, "x".repeat(5000), now)
                        .details())
                .hasSize(VerificationResult.MAX_DETAILS);
    }
}
