package io.trustspace.identity.credential;

import java.util.regex.Pattern;

/**
 * How a membership credential identifies the participant in the real world: an organisation's unified social credit
 * code, or a masked identity number for anyone else. Immutable and thread-safe.
 */
public sealed interface LegalIdentifier {

    /** The claim this identifier is published as. */
    MembershipClaim claim();

    String value();

    /**
     * A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from {@code 0-9} and {@code
     * A-Y} without I, O, S, V and Z, the last one a check character over the first 17.
     */
    record Uscc(String value) implements LegalIdentifier {

        private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

        public Uscc {
            if (value == null || !SHAPE.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "a USCC has 18 characters from 0-9 and A-Y without I, O, S, V, Z, not " + DidUrl.quote(value));
            }
            char expected =
                    io.trustspace.identity.registration.UnifiedSocialCreditCode.checkCharacter(value.substring(0, 17));
            if (value.charAt(17) != expected) {
                throw new IllegalArgumentException(
                        "USCC " + value + " fails its GB 32100 check character (expected " + expected + ")");
            }
        }

        @Override
        public MembershipClaim claim() {
            return MembershipClaim.USCC;
        }
    }

    /**
     * A masked identity number such as {@code 3501**********123X}: 4 to 64 characters of digits, upper-case letters
     * and {@code *}, at least one of them masked. The unmasked number never leaves the registration service.
     */
    record MaskedId(String value) implements LegalIdentifier {

        private static final Pattern SHAPE = Pattern.compile("[0-9A-Z*]{4,64}");

        public MaskedId {
            if (value == null || !SHAPE.matcher(value).matches() || value.indexOf('*') < 0) {
                throw new IllegalArgumentException(
                        "a masked id has 4 to 64 characters of 0-9, A-Z and '*', with at least one '*', not "
                                + DidUrl.quote(value));
            }
        }

        @Override
        public MembershipClaim claim() {
            return MembershipClaim.MASKED_ID;
        }
    }
}
