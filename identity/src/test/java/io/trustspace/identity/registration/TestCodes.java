package io.trustspace.identity.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Test codes computed independently of the production classes (different data structures, weights derived rather
 * than tabulated), so that a test that agrees with both has two witnesses. Also makes fresh valid codes for tests
 * that need unique ones (a shared database is not emptied between contract tests).
 */
public final class TestCodes {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Map<Character, Integer> USCC_VALUES = new HashMap<>();
    /** Organisation-code body characters usable inside a USCC (GB 11714 letters minus I, O, S, V, Z). */
    private static final String ORG_BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String[] DIVISIONS = {"110105", "310115", "440305", "330106", "510100", "120101", "650102"};

    static {
        for (int i = 0; i < USCC_CHARS.length(); i++) {
            USCC_VALUES.put(USCC_CHARS.charAt(i), i);
        }
    }

    private TestCodes() {}

    /** The GB 32100 check character: weights 3^(i-1) mod 31 computed on the fly. */
    public static char usccCheck(String first17) {
        int weight = 1;
        int sum = 0;
        for (char c : first17.toCharArray()) {
            sum += USCC_VALUES.get(c) * weight;
            weight = weight * 3 % 31;
        }
        int value = Math.floorMod(31 - Math.floorMod(sum, 31), 31);
        return USCC_CHARS.charAt(value);
    }

    /** The GB 11714 check character: Character.digit in radix 36 gives 0-9, A=10 … Z=35. */
    public static char organisationCheck(String first8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * weights[i];
        }
        int check = 11 - Math.floorMod(sum, 11);
        if (check == 10) {
            return 'X';
        }
        return Character.forDigit(check % 11, 10);
    }

    /** True if both check characters of an 18-character code agree with this independent computation. */
    public static boolean checksAgree(String uscc) {
        return uscc.charAt(16) == organisationCheck(uscc.substring(8, 16))
                && uscc.charAt(17) == usccCheck(uscc.substring(0, 17));
    }

    /** A code with valid check characters from the first 8 characters (authority, type, division) and 8 body chars. */
    public static String uscc(String head8, String body8) {
        String first17 = head8 + body8 + organisationCheck(body8);
        return first17 + usccCheck(first17);
    }

    /** A fresh valid enterprise code (authority 9, type 1) with a random division and organisation code. */
    public static String randomUscc(Random random) {
        StringBuilder body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append(ORG_BODY_CHARS.charAt(random.nextInt(ORG_BODY_CHARS.length())));
        }
        return uscc("91" + DIVISIONS[random.nextInt(DIVISIONS.length)], body.toString());
    }

    /** The GB 11643 check character, MOD 11-2 with weights 2^(18-i) mod 11 computed on the fly. */
    public static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int value = Math.floorMod(12 - Math.floorMod(sum, 11), 11);
        return value == 10 ? 'X' : Character.forDigit(value, 10);
    }

    /** A resident ID number with a correct check character. */
    public static String idNumber(String first17) {
        return first17 + idCheck(first17);
    }

    /** A fresh valid resident ID number born between 1950 and 1999. */
    public static String randomIdNumber(Random random) {
        String first17 = String.format(
                "%s%04d%02d%02d%03d",
                DIVISIONS[random.nextInt(DIVISIONS.length)],
                1950 + random.nextInt(50),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(1000));
        return idNumber(first17);
    }
}
