package io.trustspace.identity.verification;

import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an enterprise registry holds about one organisation: its code, registered name, legal representative and
 * registration status (登记状态) as the registry writes it ({@code 存续}, {@code 在业}, {@code 吊销}, {@code 注销}, …).
 *
 * <p>Immutable and thread-safe.
 */
public record RegistryEntry(UnifiedSocialCreditCode uscc, String name, String legalRepresentative, String status) {

    /** Statuses of an organisation in good standing; anything else (吊销, 注销, 迁出, 停业, unknown) is not. */
    public static final Set<String> GOOD_STANDING = Set.of("存续", "在业", "开业", "正常", "active");

    public RegistryEntry {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(legalRepresentative, "legalRepresentative");
        Objects.requireNonNull(status, "status");
    }

    /** True for a status in {@link #GOOD_STANDING}; unknown statuses fail closed. */
    public static boolean inGoodStanding(String status) {
        return status != null && GOOD_STANDING.contains(status.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Compares the subject's claims with this entry: name and legal representative must agree (after Unicode NFKC
     * normalisation, so full-width and half-width brackets compare equal, and ignoring white space), and the
     * status must be in good standing.
     */
    public VerificationResult compare(
            VerificationSubject subject, VerificationMethod method, AssuranceLevel level, Instant now) {
        List<String> differences = new ArrayList<>();
        if (!sameName(name, subject.legalName())) {
            differences.add("name (registry: " + name + ")");
        }
        if (!sameName(legalRepresentative, subject.legalRepresentative().orElse(""))) {
            differences.add("legal representative (registry: " + legalRepresentative + ")");
        }
        if (!inGoodStanding(status)) {
            differences.add("status " + status + " is not in good standing");
        }
        if (!differences.isEmpty()) {
            return VerificationResult.mismatch(
                    method, uscc.value() + " differs: " + String.join("; ", differences), now);
        }
        return VerificationResult.verified(
                method,
                level,
                uscc.value() + " registered as " + name + ", legal representative and status " + status + " agree",
                now);
    }

    /** Names compare equal after NFKC normalisation and with white space removed. */
    static boolean sameName(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
