package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.util.List;
import java.util.Set;

/**
 * A GB/T 2260 administrative division code (行政区划代码): six digits whose first two name a province-level
 * division. Without the full GB/T 2260 table (it changes every year) only the shape and the province prefix are
 * checked: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (台湾), 81 (香港), 82 (澳门).
 *
 * <p>Immutable and thread-safe.
 */
public record DivisionCode(String value) {

    /** The code GB 32100 uses for registration authorities at national level (国家). */
    public static final String NATIONAL = "100000";

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    public DivisionCode {
        if (!isWellFormed(value, true)) {
            throw new IllegalArgumentException("not an administrative division code: " + value);
        }
    }

    /** True for six digits with a known province prefix, or {@link #NATIONAL} when {@code allowNational}. */
    public static boolean isWellFormed(String value, boolean allowNational) {
        if (value == null || value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return PROVINCES.contains(value.substring(0, 2)) || (allowNational && NATIONAL.equals(value));
    }

    /** The errors of {@code text} as a participant's region (a province-level or lower division, not national). */
    public static List<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of(
                    new FieldError(field, FieldError.REQUIRED, "give the GB/T 2260 division code of the region"));
        }
        if (!isWellFormed(text.trim(), false)) {
            return List.of(new FieldError(
                    field,
                    FieldError.DIVISION_CODE,
                    "a GB/T 2260 division code is six digits starting with a province code (e.g. 110105)"));
        }
        return List.of();
    }

    /** The region code, or an INVALID failure saying why not. */
    public static Result<DivisionCode> parse(String text) {
        List<FieldError> errors = check("region", text);
        return errors.isEmpty()
                ? Result.ok(new DivisionCode(text.trim()))
                : Result.invalid(FieldError.describe(errors));
    }

    /** The province-level division: the first two digits. */
    public String province() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
