package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An industry per GB/T 4754-2017 (国民经济行业分类): a section letter {@code A}–{@code T} alone, or a division (2
 * digits), group (3) or class (4) code, optionally written after its section letter ({@code I6510} or
 * {@code 6510}). The section of a numeric code follows from its division ({@code 01}–{@code 97}); a letter that
 * contradicts it is refused. The stored form always carries the section: {@code I}, {@code I65}, {@code I6510}.
 *
 * <p>Immutable and thread-safe.
 */
public record IndustryCode(char section, String code) {

    private static final Pattern SHAPE = Pattern.compile("([A-T])?([0-9]{2,4})?");

    /** The last division of each section A–T, in order; a section's first division follows the previous one's last. */
    private static final int[] LAST_DIVISION = {
        5, 12, 43, 46, 50, 52, 60, 62, 65, 69, 70, 72, 75, 79, 82, 83, 85, 90, 96, 97
    };

    public IndustryCode {
        if (section < 'A' || section > 'T') {
            throw new IllegalArgumentException("not a GB/T 4754-2017 section: " + section);
        }
        if (!code.isEmpty() && (!code.matches("[0-9]{2,4}") || sectionOf(code) != section)) {
            throw new IllegalArgumentException("not a GB/T 4754-2017 code of section " + section + ": " + code);
        }
    }

    /** The code, or an INVALID failure saying which rule it breaks. */
    public static Result<IndustryCode> parse(String text) {
        List<FieldError> errors = check("industry", text);
        if (!errors.isEmpty()) {
            return Result.invalid(FieldError.describe(errors));
        }
        Matcher matcher = SHAPE.matcher(normalise(text));
        matcher.matches();
        String digits = matcher.group(2) == null ? "" : matcher.group(2);
        char section = digits.isEmpty() ? matcher.group(1).charAt(0) : sectionOf(digits);
        return Result.ok(new IndustryCode(section, digits));
    }

    /** The rules {@code text} breaks: shape (and a known division), then agreement of letter and division. */
    public static List<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of(new FieldError(field, FieldError.REQUIRED, "give the GB/T 4754-2017 industry code"));
        }
        Matcher matcher = SHAPE.matcher(normalise(text));
        if (!matcher.matches()
                || (matcher.group(1) == null && matcher.group(2) == null)
                || (matcher.group(2) != null && sectionOf(matcher.group(2)) == 0)) {
            return List.of(new FieldError(
                    field,
                    FieldError.FORMAT,
                    "a GB/T 4754-2017 industry code is a section letter A-T or a 2-4 digit code with division 01-97"));
        }
        if (matcher.group(1) != null
                && matcher.group(2) != null
                && sectionOf(matcher.group(2)) != matcher.group(1).charAt(0)) {
            return List.of(new FieldError(
                    field,
                    FieldError.INDUSTRY_SECTION,
                    "division " + matcher.group(2).substring(0, 2) + " belongs to section "
                            + sectionOf(matcher.group(2)) + ", not " + matcher.group(1)));
        }
        return List.of();
    }

    /** The section of a numeric code's division, or 0 if the division is outside 01–97. */
    static char sectionOf(String digits) {
        int division = Integer.parseInt(digits.substring(0, 2));
        if (division < 1) {
            return 0;
        }
        for (int i = 0; i < LAST_DIVISION.length; i++) {
            if (division <= LAST_DIVISION[i]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return section + code;
    }
}
