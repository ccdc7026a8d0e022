package io.trustspace.crypto.jose;

import io.trustspace.common.Result;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * Converts ECDSA and SM2 signatures between DER ({@code SEQUENCE { r INTEGER, s INTEGER }}, what JCA, OpenSSL and
 * X.509 use) and the raw fixed-length {@code r || s} form JWS uses (RFC 7518 section 3.4; the same for SM2SM3 per
 * docs/adr/0002-sm2-jws-alg.md). Stateless and thread-safe.
 */
public final class SignatureEncoding {

    /** Bytes per component for P-256 and sm2p256v1; a raw signature is twice this. */
    public static final int P256_COMPONENT_LENGTH = 32;

    private SignatureEncoding() {}

    /**
     * The raw form of a strict-DER signature, each component left-padded to {@code componentLength} bytes. Non-DER
     * (BER) encodings, trailing bytes, negative or zero components and components that do not fit are {@code
     * INVALID}.
     */
    public static Result<byte[]> derToRaw(byte[] der, int componentLength) {
        ASN1Sequence sequence;
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!(primitive instanceof ASN1Sequence seq)
                    || seq.size() != 2
                    || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                return Result.invalid("signature is not a DER SEQUENCE of two INTEGERs");
            }
            sequence = seq;
        } catch (IOException | IllegalArgumentException e) {
            return Result.invalid("signature is not DER");
        }
        if (!(sequence.getObjectAt(0) instanceof ASN1Integer r)
                || !(sequence.getObjectAt(1) instanceof ASN1Integer s)) {
            return Result.invalid("signature is not a DER SEQUENCE of two INTEGERs");
        }
        byte[] raw = new byte[2 * componentLength];
        for (int i = 0; i < 2; i++) {
            BigInteger value = (i == 0 ? r : s).getValue();
            if (value.signum() <= 0 || value.bitLength() > componentLength * 8) {
                return Result.invalid("signature component does not fit %d bytes".formatted(componentLength));
            }
            BigIntegers.asUnsignedByteArray(value, raw, i * componentLength, componentLength);
        }
        return Result.ok(raw);
    }

    /** The DER form of a raw {@code r || s} signature; an empty or odd-length input is {@code INVALID}. */
    public static Result<byte[]> rawToDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0) {
            return Result.invalid("a raw signature has two equal halves, not %d bytes".formatted(raw.length));
        }
        int half = raw.length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length));
        try {
            return Result.ok(new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }
}
