package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A citizen identification number (公民身份号码) per GB 11643-1999: a six-digit address code, the birth date as
 * {@code yyyyMMdd}, a three-digit sequence code and a check character computed MOD 11-2 (weights 7, 9, 10, 5, 8, 4,
 * 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2; the sum mod 11 indexes {@code "10X98765432"}).
 *
 * <p>This is personal information: the platform keeps only {@link #masked()} and a keyed hash
 * ({@link IdNumberHasher}). The value lives in memory for the length of one request; {@link #toString()} prints
 * the masked form so that the number cannot leak into logs or failure reasons.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /**
     * Province prefixes of the address code: the GB/T 2260 provinces, plus 83 (台湾) which the residence permits of
     * Hong Kong, Macao and Taiwan residents (港澳台居民居住证, numbered under GB 11643 with 810000/820000/830000)
     * use.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /**
     * The number, or an INVALID failure listing every rule it breaks. {@code today} is the date in China (a birth
     * date may not be later); the caller takes it from its clock.
     */
    public static Result<ResidentIdNumber> parse(String text, LocalDate today) {
        List<FieldError> errors = check("idNumber", text, today);
        return errors.isEmpty()
                ? Result.ok(new ResidentIdNumber(normalise(text)))
                : Result.invalid(FieldError.describe(errors));
    }

    /**
     * Every rule {@code text} breaks, in a fixed order: length and characters first (the other checks need both),
     * then address code, birth date and check character.
     */
    public static List<FieldError> check(String field, String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null || text.isBlank()) {
            return List.of(new FieldError(field, FieldError.REQUIRED, "give the 18-character resident ID number"));
        }
        String number = normalise(text);
        List<FieldError> errors = new ArrayList<>();
        if (number.length() != 18) {
            errors.add(new FieldError(
                    field, FieldError.LENGTH, "a resident ID number has 18 characters, not " + number.length()));
        }
        boolean digits = true;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean lastX = i == 17 && c == 'X';
            if (!(c >= '0' && c <= '9') && !lastX) {
                digits = false;
            }
        }
        if (!digits) {
            errors.add(new FieldError(field, FieldError.CHARSET, "a resident ID number is 17 digits and a digit or X"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            errors.add(new FieldError(
                    field,
                    FieldError.DIVISION_CODE,
                    "the address code (positions 1-6) does not start with a province code"));
        }
        String birth = number.substring(6, 14);
        try {
            LocalDate date = LocalDate.parse(birth, BIRTH_DATE);
            if (date.isBefore(EARLIEST_BIRTH)) {
                errors.add(new FieldError(field, FieldError.BIRTH_DATE, "the birth date is before 1900"));
            } else if (date.isAfter(today)) {
                errors.add(new FieldError(field, FieldError.BIRTH_DATE, "the birth date is in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, FieldError.BIRTH_DATE, "positions 7-14 are not a real date (yyyyMMdd)"));
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            errors.add(new FieldError(
                    field,
                    FieldError.CHECK_CHARACTER,
                    "the check character (position 18) does not match positions 1-17"));
        }
        return errors;
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("position " + (i + 1) + " is not a digit");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The number itself (upper-case X): for the keyed hash and for a registry lookup, never for storage. */
    public String value() {
        return value;
    }

    /** The address code: the first six digits. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
    }

    /** The first six and last four characters with eight asterisks between: {@code 110105********123X}. */
    public String masked() {
        return mask(value);
    }

    /** Masks an 18-character number as {@link #masked()} does. */
    static String mask(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form: the plain number must not reach logs. */
    @Override
    public String toString() {
        return masked();
    }
}
