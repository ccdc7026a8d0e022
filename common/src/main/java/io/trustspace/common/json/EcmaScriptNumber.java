package io.trustspace.common.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as ECMAScript's {@code Number.prototype.toString()} does (ECMA-262, Number::toString),
 * which is the number serialisation RFC 8785 §3.2.2.3 requires.
 *
 * <p>Java 17's {@link Double#toString(double)} is not a substitute: it sometimes emits more digits than the
 * shortest round-trip form (JDK-4511638; {@code 2^-44} prints as {@code 5.6843418860808015E-14} where
 * ECMAScript prints {@code 5.684341886080802e-14}) and it uses a different exponent layout. This class searches for
 * the shortest decimal that reads back as the same double, preferring the closer of two candidates and, on a tie,
 * the one with an even last digit, as the specification says.
 *
 * <p>Stateless and thread-safe.
 */
public final class EcmaScriptNumber {

    /** Below this magnitude every integral double is printed with all its digits (and no exponent). */
    private static final double EXACT_INTEGER_LIMIT = 0x1p53;

    /** A double never needs more than 17 significant decimal digits to round-trip. */
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private EcmaScriptNumber() {}

    /**
     * The ECMAScript string for {@code value}; {@code -0} prints as {@code 0}.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " has no JSON representation");
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) < EXACT_INTEGER_LIMIT && value == Math.rint(value)) {
            // The shortest digits of such an integer are its own digits, so skip the search.
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale();
        String magnitude = layout(digits, pointPosition);
        return value < 0 ? "-" + magnitude : magnitude;
    }

    /** The decimal with the fewest significant digits that parses back to {@code magnitude}. */
    private static BigDecimal shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        // If some p-digit decimal reads back as `magnitude`, so does a (p+1)-digit one (the same number), so the
        // smallest fitting precision can be found by bisection.
        int low = 1;
        int high = MAX_SIGNIFICANT_DIGITS;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (candidate(exact, magnitude, middle) != null) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        BigDecimal shortest = candidate(exact, magnitude, low);
        if (shortest == null) {
            throw new IllegalStateException("no " + low + "-digit decimal reads back as " + magnitude);
        }
        return shortest;
    }

    /** The {@code precision}-digit decimal closest to {@code exact} that reads back as the double, or null. */
    private static BigDecimal candidate(BigDecimal exact, double magnitude, int precision) {
        // The decimals that read back as `magnitude` form an interval around it, which is lopsided at a power of
        // two; so try the nearest candidate on each side rather than only the nearest overall.
        BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean belowFits = readsBackAs(below, magnitude);
        boolean aboveFits = readsBackAs(above, magnitude);
        if (belowFits && aboveFits) {
            return closer(exact, below, above);
        }
        if (belowFits) {
            return below;
        }
        return aboveFits ? above : null;
    }

    private static boolean readsBackAs(BigDecimal candidate, double magnitude) {
        return Double.parseDouble(candidate.toString()) == magnitude;
    }

    private static BigDecimal closer(BigDecimal exact, BigDecimal below, BigDecimal above) {
        int comparison = exact.subtract(below).compareTo(above.subtract(exact));
        if (comparison < 0) {
            return below;
        }
        if (comparison > 0) {
            return above;
        }
        return below.unscaledValue().testBit(0) ? above : below;
    }

    /**
     * Places the decimal point as Number::toString does, for significant digits {@code digits} (k of them) and a
     * value of {@code 0.digits × 10^n}.
     */
    private static String layout(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }
}
