package io.trustspace.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11010519491231002X", // the GB 11643-1999 example
                "110105199003071239",
                "310115198511204566",
                "440305200002297896", // 29 February of a leap year
                "330106199912310011",
                "810000199003071237", // Hong Kong resident's residence permit
            })
    void validNumbers_passEveryCheck(String number) {
        assertThat(TestCodes.idCheck(number.substring(0, 17))).as("independent").isEqualTo(number.charAt(17));
        assertThat(ResidentIdNumber.check("idNumber", number, TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse(number, TODAY).orElseThrow().value()).isEqualTo(number);
    }

    @Test
    void checkCharacter_agreesWithTheIndependentComputation_onRandomNumbers() {
        Random random = new Random(11643L);
        for (int i = 0; i < 2_000; i++) {
            String number = TestCodes.randomIdNumber(random);
            assertThat(ResidentIdNumber.checkCharacter(number.substring(0, 17))).isEqualTo(number.charAt(17));
        }
    }

    @Test
    void lowerCaseX_isNormalised() {
        assertThat(ResidentIdNumber.parse("11010519491231002x", TODAY)
                        .orElseThrow()
                        .value())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void wrongCheckCharacter_isRefused() {
        assertThat(rules("110105199003071233")).containsExactly(FieldError.CHECK_CHARACTER);
        assertThat(rules("110105194912310021")).containsExactly(FieldError.CHECK_CHARACTER);
    }

    @Test
    void impossibleDates_areRefused() {
        // 30 February 1999, with a correct check character.
        assertThat(rules("110105199902301237")).containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules(TestCodes.idNumber("11010519990229123")))
                .as("1999 is no leap year")
                .containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules(TestCodes.idNumber("11010519901301123")))
                .as("month 13")
                .containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules(TestCodes.idNumber("11010519900000123"))).as("day 0").containsExactly(FieldError.BIRTH_DATE);
    }

    @Test
    void futureBirthDates_areRefused() {
        assertThat(rules("110105209912311232")).containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules(TestCodes.idNumber("11010520260302123")))
                .as("tomorrow")
                .containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules(TestCodes.idNumber("11010520260301123"))).as("today").isEmpty();
    }

    @Test
    void birthDatesBefore1900_areRefused() {
        assertThat(rules("110105189912311237")).containsExactly(FieldError.BIRTH_DATE);
        // The GB 11643 example born 1880 is structurally valid but not a living applicant.
        assertThat(rules("440524188001010014")).containsExactly(FieldError.BIRTH_DATE);
        assertThat(rules("110105190001011231")).isEmpty();
    }

    @Test
    void addressCodeWithoutAProvince_isRefused() {
        assertThat(rules("990105199003071232")).containsExactly(FieldError.DIVISION_CODE);
    }

    @Test
    void lengthAndCharacters_areCheckedFirst() {
        assertThat(rules("11010519900307123")).containsExactly(FieldError.LENGTH);
        assertThat(rules("1101051990030712X9")).containsExactly(FieldError.CHARSET);
        assertThat(rules("11010519900307123A")).containsExactly(FieldError.CHARSET);
        assertThat(rules("X1010519900307")).containsExactly(FieldError.LENGTH, FieldError.CHARSET);
        assertThat(rules(" ")).containsExactly(FieldError.REQUIRED);
    }

    @Test
    void severalBrokenRules_areAllReported_inAFixedOrder() {
        assertThat(rules("990105199902301231"))
                .containsExactly(FieldError.DIVISION_CODE, FieldError.BIRTH_DATE, FieldError.CHECK_CHARACTER);
    }

    @Test
    void masking_keepsSixAndFourCharacters() {
        ResidentIdNumber number =
                ResidentIdNumber.parse("11010519491231002X", TODAY).orElseThrow();

        assertThat(number.masked()).isEqualTo("110105********002X");
        assertThat(number.toString()).isEqualTo("110105********002X");
        assertThat(number.addressCode()).isEqualTo("110105");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void failureReasons_neverContainTheNumber() {
        String number = "110105199003071233";

        assertThat(ResidentIdNumber.check("idNumber", number, TODAY))
                .allSatisfy(error ->
                        assertThat(error.message()).doesNotContain(number).doesNotContain("19900307"));
    }

    private static List<String> rules(String number) {
        return ResidentIdNumber.check("idNumber", number, TODAY).stream()
                .map(FieldError::rule)
                .toList();
    }
}
