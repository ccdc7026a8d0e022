package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T U
 * W-Y} (no I, O, S, V, Z), laid out as
 *
 * <ol>
 *   <li>position 1: registration authority ({@link RegistrationAuthority});
 *   <li>position 2: organisation type, from the authority's own list;
 *   <li>positions 3–8: the registering authority's administrative division (GB/T 2260, {@code 100000} for
 *       national authorities);
 *   <li>positions 9–17: the organisation code per GB 11714, whose last character is a check over the first eight
 *       (weights 3, 7, 9, 10, 5, 8, 4, 2; check = 11 − sum mod 11, 10 → {@code X}, 11 → {@code 0});
 *   <li>position 18: check character over positions 1–17 (weights 3^(i−1) mod 31; check = 31 − sum mod 31, 31 →
 *       {@code 0}, mapped back into the alphabet).
 * </ol>
 *
 * <p>Input is trimmed and upper-cased before checking, since people type codes in lower case. Immutable and
 * thread-safe; the constructor accepts only codes that pass every check.
 */
public record UnifiedSocialCreditCode(String value) {

    /** The 31 characters of the code, in the order of their values 0–30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public UnifiedSocialCreditCode {
        List<FieldError> errors = check("uscc", value);
        if (!errors.isEmpty() || !value.equals(normalise(value))) {
            throw new IllegalArgumentException(
                    "not a valid unified social credit code: " + FieldError.describe(errors));
        }
    }

    /** The code, or an INVALID failure listing every rule it breaks. */
    public static Result<UnifiedSocialCreditCode> parse(String text) {
        List<FieldError> errors = check("uscc", text);
        return errors.isEmpty()
                ? Result.ok(new UnifiedSocialCreditCode(normalise(text)))
                : Result.invalid(FieldError.describe(errors));
    }

    /**
     * Every rule {@code text} breaks, in a fixed order: length and alphabet first (the other checks need both), then
     * registration authority, organisation type, division code, organisation-code check and the final check
     * character.
     */
    public static List<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of(
                    new FieldError(field, FieldError.REQUIRED, "give the 18-character unified social credit code"));
        }
        String code = normalise(text);
        List<FieldError> errors = new ArrayList<>();
        if (code.length() != 18) {
            errors.add(new FieldError(
                    field, FieldError.LENGTH, "a unified social credit code has 18 characters, not " + code.length()));
        }
        if (!code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            errors.add(new FieldError(
                    field,
                    FieldError.CHARSET,
                    "a unified social credit code uses only digits and the capitals A-H J-N P-R T U W-Y"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        RegistrationAuthority authority =
                RegistrationAuthority.of(code.charAt(0)).orElse(null);
        if (authority == null) {
            errors.add(new FieldError(
                    field,
                    FieldError.REGISTRATION_AUTHORITY,
                    "'" + code.charAt(0) + "' is not a GB 32100 registration authority code (1-9, A, N, Y)"));
        } else if (authority.organisationType(code.charAt(1)).isEmpty()) {
            errors.add(new FieldError(
                    field,
                    FieldError.ORGANISATION_TYPE,
                    "'" + code.charAt(1) + "' is not an organisation type of registration authority " + authority.code()
                            + " (" + authority.label() + "); allowed: "
                            + authority.organisationTypes().keySet()));
        }
        if (!DivisionCode.isWellFormed(code.substring(2, 8), true)) {
            errors.add(new FieldError(
                    field,
                    FieldError.DIVISION_CODE,
                    "positions 3-8 are not a GB/T 2260 division code (six digits with a province prefix, or 100000)"));
        }
        if (code.charAt(16) != organisationCodeCheck(code.substring(8, 16))) {
            errors.add(new FieldError(
                    field,
                    FieldError.ORGANISATION_CODE_CHECK,
                    "the organisation code in positions 9-17 fails its GB 11714 check character"));
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            errors.add(new FieldError(
                    field,
                    FieldError.CHECK_CHARACTER,
                    "the check character (position 18) does not match positions 1-17"));
        }
        return errors;
    }

    /** The GB 32100 check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the code's alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The GB 11714 check character of an organisation code's first eight characters (digits and A-Z). */
    public static char organisationCodeCheck(String first8) {
        if (first8.length() != 8) {
            throw new IllegalArgumentException("need 8 characters, got " + first8.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else {
                throw new IllegalArgumentException("'" + c + "' is not a digit or capital letter");
            }
            sum += value * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    public RegistrationAuthority registrationAuthority() {
        return RegistrationAuthority.of(value.charAt(0)).orElseThrow();
    }

    /** The organisation type's Chinese label (e.g. 企业). */
    public String organisationType() {
        return registrationAuthority().organisationType(value.charAt(1)).orElseThrow();
    }

    /** Positions 3–8: the registering authority's division. */
    public DivisionCode divisionCode() {
        return new DivisionCode(value.substring(2, 8));
    }

    /** Positions 9–17: the GB 11714 organisation code. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
