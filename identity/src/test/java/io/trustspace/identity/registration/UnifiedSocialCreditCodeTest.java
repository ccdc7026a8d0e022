package io.trustspace.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    /**
     * Codes published as valid examples (the GB 32100 explanations, validator libraries, and the codes of
     * well-known enterprises printed on their licences). Each is accepted only if our check characters and the
     * independent computation in {@link TestCodes} agree.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43", // the example most validator libraries cite
                "91110108551385082Q",
                "91110000101623741K",
                "911101066976941872",
                "91110000100010433L",
                "91100000100003962T", // registered by a national authority: division 100000
            })
    void publishedExamples_passEveryCheck(String code) {
        assertThat(TestCodes.checksAgree(code)).as("independent recomputation").isTrue();
        assertThat(UnifiedSocialCreditCode.check("uscc", code)).isEmpty();
        assertThat(UnifiedSocialCreditCode.parse(code).orElseThrow().value()).isEqualTo(code);
    }

    @Test
    void checkCharacters_agreeWithTheIndependentComputation_onRandomCodes() {
        Random random = new Random(20260301L);
        for (int i = 0; i < 2_000; i++) {
            String code = TestCodes.randomUscc(random);
            assertThat(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17)))
                    .isEqualTo(code.charAt(17));
            assertThat(UnifiedSocialCreditCode.organisationCodeCheck(code.substring(8, 16)))
                    .isEqualTo(code.charAt(16));
            assertThat(UnifiedSocialCreditCode.check("uscc", code)).as(code).isEmpty();
        }
    }

    @Test
    void fixtureCodes_passEveryCheck() {
        for (String code : List.of(
                "91110105MA01C3D718",
                "91310115MA1H8K2R6W",
                "91440305MA5F9L3PX8",
                "91330106MA2J7Q4W4H",
                "91510100MA6CQR2X73",
                "52110105MJ0Y6T8B3A",
                "91110108MA00FN3K4E",
                "93330106MA2GLD5T4Y",
                "91310115MA1GX2P67Q",
                "91330106MA27WX8H1X")) {
            assertThat(TestCodes.checksAgree(code)).as(code).isTrue();
            assertThat(UnifiedSocialCreditCode.check("uscc", code)).as(code).isEmpty();
        }
    }

    @Test
    void parts_areReadFromTheirPositions() {
        UnifiedSocialCreditCode code =
                UnifiedSocialCreditCode.parse("91350100M000100Y43").orElseThrow();

        assertThat(code.registrationAuthority()).isEqualTo(RegistrationAuthority.MARKET_REGULATION);
        assertThat(code.organisationType()).isEqualTo("企业");
        assertThat(code.divisionCode().value()).isEqualTo("350100");
        assertThat(code.organisationCode()).isEqualTo("M000100Y4");
    }

    @Test
    void input_isTrimmedAndUpperCased() {
        assertThat(UnifiedSocialCreditCode.parse("  91350100m000100y43 ")
                        .orElseThrow()
                        .value())
                .isEqualTo("91350100M000100Y43");
    }

    @Test
    void wrongLength_isRefused() {
        assertThat(rules("91350100M000100Y4")).containsExactly(FieldError.LENGTH);
        assertThat(rules("91350100M000100Y433")).containsExactly(FieldError.LENGTH);
    }

    @Test
    void lettersOutsideTheAlphabet_areRefused() {
        for (char banned : "IOSVZ".toCharArray()) {
            assertThat(rules("91350100M000100" + banned + "43"))
                    .as("%s", banned)
                    .containsExactly(FieldError.CHARSET);
        }
        assertThat(rules("91350100M000100-43")).containsExactly(FieldError.CHARSET);
    }

    @Test
    void lengthAndCharset_areReportedTogether() {
        assertThat(rules("9135O100")).containsExactly(FieldError.LENGTH, FieldError.CHARSET);
    }

    @Test
    void wrongCheckCharacter_isRefused() {
        assertThat(rules("91350100M000100Y4A")).containsExactly(FieldError.CHECK_CHARACTER);
        // Printed on a real licence and cited as failing the check character.
        assertThat(rules("91350211M0000XUF46")).containsExactly(FieldError.CHECK_CHARACTER);
    }

    @Test
    void wrongOrganisationCodeCheck_isRefused_evenWithAMatchingFinalCheck() {
        String first16 = "91350100M000100Y";
        char wrong = '5'; // the GB 11714 check of M000100Y is 4
        String first17 = first16 + wrong;
        String code = first17 + TestCodes.usccCheck(first17);

        assertThat(rules(code)).containsExactly(FieldError.ORGANISATION_CODE_CHECK);
    }

    @Test
    void unknownRegistrationAuthority_isRefused() {
        String code = TestCodes.uscc("B1110105", "MA01C3D7");

        assertThat(rules(code)).containsExactly(FieldError.REGISTRATION_AUTHORITY);
    }

    @Test
    void organisationTypeOutsideTheAuthoritysList_isRefused() {
        assertThat(rules(TestCodes.uscc("94110105", "MA01C3D7"))).containsExactly(FieldError.ORGANISATION_TYPE);
        assertThat(rules(TestCodes.uscc("Y2110105", "MA01C3D7"))).containsExactly(FieldError.ORGANISATION_TYPE);
        assertThat(rules(TestCodes.uscc("54110105", "MA01C3D7"))).containsExactly(FieldError.ORGANISATION_TYPE);
    }

    @Test
    void everyAuthorityAndTypeOfTheTable_isAccepted() {
        for (RegistrationAuthority authority : RegistrationAuthority.values()) {
            for (char type : authority.organisationTypes().keySet()) {
                String code = TestCodes.uscc("" + authority.code() + type + "110105", "MA01C3D7");
                assertThat(UnifiedSocialCreditCode.check("uscc", code)).as(code).isEmpty();
            }
        }
    }

    @Test
    void divisionCodeWithoutAProvincePrefix_isRefused() {
        assertThat(rules(TestCodes.uscc("91990000", "MA01C3D7"))).containsExactly(FieldError.DIVISION_CODE);
        assertThat(rules(TestCodes.uscc("91001234", "MA01C3D7"))).containsExactly(FieldError.DIVISION_CODE);
        assertThat(rules(TestCodes.uscc("9124A105", "MA01C3D7"))).containsExactly(FieldError.DIVISION_CODE);
    }

    @Test
    void severalBrokenRules_areAllReported_inAFixedOrder() {
        // Authority B, division 99, organisation check and final check all wrong.
        String code = "B1990000MA01C3D70A";

        assertThat(rules(code))
                .containsExactly(
                        FieldError.REGISTRATION_AUTHORITY,
                        FieldError.DIVISION_CODE,
                        FieldError.ORGANISATION_CODE_CHECK,
                        FieldError.CHECK_CHARACTER);
        assertThat(UnifiedSocialCreditCode.check("uscc", code))
                .allMatch(error -> error.field().equals("uscc"));
    }

    @Test
    void blank_isRequired() {
        assertThat(rules(null)).containsExactly(FieldError.REQUIRED);
        assertThat(rules("  ")).containsExactly(FieldError.REQUIRED);
    }

    @Test
    void parse_failsWithEveryReason_andTheConstructorRefusesInvalidCodes() {
        Result<UnifiedSocialCreditCode> parsed = UnifiedSocialCreditCode.parse("91350100M000100Y4A");

        assertThat(parsed).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<UnifiedSocialCreditCode>) parsed).reason()).contains("check-character");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y4A"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100m000100y43"))
                .as("only the normalised form")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> rules(String code) {
        return UnifiedSocialCreditCode.check("uscc", code).stream()
                .map(FieldError::rule)
                .toList();
    }
}
