package io.trustspace.common.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Number checks shared by the reader and the writer. Stateless. */
final class JsonNumbers {

    /** Every integer of magnitude below 2^53 has an exact double. */
    private static final int EXACT_BITS = 53;

    private JsonNumbers() {}

    /**
     * True if a double holds {@code value} exactly. RFC 8785 serialises every number through an IEEE 754 double; an
     * integer that does not survive the trip would be signed as a different number than the sender meant.
     */
    static boolean isExactDouble(BigInteger value) {
        if (value.abs().bitLength() <= EXACT_BITS) {
            return true;
        }
        double asDouble = value.doubleValue();
        return Double.isFinite(asDouble)
                && new BigDecimal(asDouble).toBigInteger().equals(value);
    }

    static boolean isExactDouble(long value) {
        return value > -(1L << EXACT_BITS) && value < (1L << EXACT_BITS) || isExactDouble(BigInteger.valueOf(value));
    }
}
