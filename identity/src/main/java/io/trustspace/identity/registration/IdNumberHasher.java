package io.trustspace.identity.registration;

import io.trustspace.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The keyed hash under which a resident ID number is stored: HMAC over the 18 ASCII characters of the number with a
 * secret of this node, HMAC-SHA256 in the {@code intl} suite and HMAC-SM3 in {@code gm}. Output is
 * {@code hmac-sha256:<hex>} or {@code hmac-sm3:<hex>}.
 *
 * <p>Why keyed: the space of ID numbers is small (a few billion structured values), so a plain hash could be
 * reversed by enumeration; without the node secret the stored hash reveals nothing. The same number and secret
 * always give the same hash, which is what duplicate detection needs. A new secret makes every stored hash
 * unmatchable, so the secret is rotated only together with a re-registration plan.
 *
 * <p>Immutable and thread-safe (each call uses its own MAC instance). The secret is never printed.
 */
public final class IdNumberHasher {

    /** Shortest secret accepted: 256 bits, the output size of both MACs. */
    public static final int MIN_SECRET_BYTES = 32;

    private final SuiteId suite;
    private final byte[] secret;

    public IdNumberHasher(SuiteId suite, byte[] secret) {
        this.suite = Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the ID-number secret needs at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The keyed hash of {@code number}, labelled with the MAC. */
    public String hash(ResidentIdNumber number) {
        byte[] message = number.value().getBytes(StandardCharsets.US_ASCII);
        return switch (suite) {
            case INTL -> "hmac-sha256:" + HexFormat.of().formatHex(hmacSha256(message));
            case GM -> "hmac-sm3:" + HexFormat.of().formatHex(hmacSm3(message));
        };
    }

    private byte[] hmacSha256(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256; its absence is a broken JVM, not an input problem.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private byte[] hmacSm3(byte[] message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(secret));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "IdNumberHasher[" + suite.label() + ", " + secret.length + "-byte secret]";
    }
}
