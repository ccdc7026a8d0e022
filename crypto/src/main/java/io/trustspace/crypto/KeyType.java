package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * The asymmetric key types the suites use, with their JWK names and raw public-key encodings. Immutable and
 * thread-safe.
 *
 * <p>Raw public keys are 32 bytes for the OKP types (RFC 8032 / RFC 7748 encoding) and the 65-byte uncompressed point
 * {@code 04 || X || Y} for the EC types. SM2 keys are EC keys on sm2p256v1 (GB/T 32918.5); their JWK is {@code kty
 * "EC", crv "SM2"}, a name no IANA registry holds yet (see docs/adr/0002-sm2-jws-alg.md).
 */
public enum KeyType {
    // OIDs of RFC 8410, spelled out: bcprov keeps its constants for them in an internal package.

    /** Ed25519 signing key (RFC 8032), JWK {@code OKP / Ed25519}. */
    ED25519("OKP", "Ed25519", new ASN1ObjectIdentifier("1.3.101.112")),
    /** X25519 key-agreement key (RFC 7748), JWK {@code OKP / X25519}. */
    X25519("OKP", "X25519", new ASN1ObjectIdentifier("1.3.101.110")),
    /** ECDSA key on NIST P-256 (secp256r1), JWK {@code EC / P-256}. */
    P256("EC", "P-256", SECObjectIdentifiers.secp256r1),
    /** SM2 key on sm2p256v1, JWK {@code EC / SM2}. */
    SM2("EC", "SM2", GMObjectIdentifiers.sm2p256v1);

    private static final int COORDINATE_LENGTH = 32;

    private final String jwkKty;
    private final String jwkCrv;
    private final ASN1ObjectIdentifier oid;
    private final X9ECParameters curve;

    KeyType(String jwkKty, String jwkCrv, ASN1ObjectIdentifier oid) {
        this.jwkKty = jwkKty;
        this.jwkCrv = jwkCrv;
        this.oid = oid;
        this.curve = jwkKty.equals("EC") ? ECNamedCurveTable.getByOID(oid) : null;
    }

    public String jwkKty() {
        return jwkKty;
    }

    public String jwkCrv() {
        return jwkCrv;
    }

    /** True for the EC types (P-256, SM2), whose keys are curve points. */
    public boolean isEllipticCurve() {
        return curve != null;
    }

    /** Length of the raw public key: 32 for OKP types, 65 for EC types. */
    public int rawPublicKeyLength() {
        return isEllipticCurve() ? 1 + 2 * COORDINATE_LENGTH : 32;
    }

    /** The JCA algorithm name for key factories and generators of this type, in the suites' provider. */
    String jcaAlgorithm() {
        return switch (this) {
            case ED25519 -> "Ed25519";
            case X25519 -> "X25519";
            case P256, SM2 -> "EC";
        };
    }

    /** The curve name (EC types) for {@code ECGenParameterSpec}. */
    String curveName() {
        return switch (this) {
            case P256 -> "secp256r1";
            case SM2 -> "sm2p256v1";
            case ED25519, X25519 -> throw new IllegalStateException(this + " has no named curve");
        };
    }

    /**
     * The public key whose raw encoding is {@code raw}. Wrong length, a point not on the curve or an invalid Ed25519
     * point is an {@code INVALID} failure.
     */
    public Result<PublicKey> publicKey(byte[] raw) {
        if (raw.length != rawPublicKeyLength()) {
            return Result.invalid(
                    "a raw %s public key has %d bytes, not %d".formatted(jwkCrv, rawPublicKeyLength(), raw.length));
        }
        try {
            AlgorithmIdentifier algorithm;
            if (isEllipticCurve()) {
                if (raw[0] != 0x04) {
                    return Result.invalid(
                            "a raw %s public key must be an uncompressed point (04 || X || Y)".formatted(jwkCrv));
                }
                curve.getCurve().decodePoint(raw); // throws unless the point is on the curve
                algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid);
            } else {
                if (this == ED25519) {
                    new Ed25519PublicKeyParameters(raw); // throws unless the point decodes
                }
                algorithm = new AlgorithmIdentifier(oid);
            }
            byte[] spki = new SubjectPublicKeyInfo(algorithm, raw).getEncoded();
            return Result.ok(KeyFactory.getInstance(jcaAlgorithm(), CryptoSuites.provider())
                    .generatePublic(new X509EncodedKeySpec(spki)));
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            return Result.invalid("not a valid %s public key".formatted(jwkCrv));
        }
    }

    /**
     * The raw encoding of {@code key}: 32 bytes for Ed25519/X25519, {@code 04 || X || Y} for P-256/SM2.
     *
     * @throws IllegalArgumentException if the key is not of a type the suites use
     */
    public static byte[] rawPublicKey(PublicKey key) {
        KeyType type = of(key).orElseThrow(() -> new IllegalArgumentException("unsupported key " + key.getAlgorithm()));
        if (type.isEllipticCurve()) {
            ECPublicKey ec = (ECPublicKey) key;
            byte[] raw = new byte[type.rawPublicKeyLength()];
            raw[0] = 0x04;
            BigIntegers.asUnsignedByteArray(ec.getW().getAffineX(), raw, 1, COORDINATE_LENGTH);
            BigIntegers.asUnsignedByteArray(ec.getW().getAffineY(), raw, 1 + COORDINATE_LENGTH, COORDINATE_LENGTH);
            return raw;
        }
        return SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getPublicKeyData()
                .getOctets();
    }

    /** The type of {@code key} (public or private, any provider), or empty for types the suites do not use. */
    public static Optional<KeyType> of(Key key) {
        if (key instanceof EdECKey edec) {
            return edec.getParams().getName().equalsIgnoreCase("Ed25519") ? Optional.of(ED25519) : Optional.empty();
        }
        if (key instanceof XECKey xec) {
            return xec.getParams() instanceof NamedParameterSpec named
                            && named.getName().equalsIgnoreCase("X25519")
                    ? Optional.of(X25519)
                    : Optional.empty();
        }
        if (key instanceof ECKey ec) {
            // Compare domain parameters, not classes or curve names: SunEC, BC and keys read with explicit
            // parameters all describe the same curve differently.
            for (KeyType type : new KeyType[] {P256, SM2}) {
                if (sameCurve(ec.getParams(), type.curve)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameCurve(ECParameterSpec spec, X9ECParameters curve) {
        if (spec == null || !(spec.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        return field.getP().equals(curve.getCurve().getField().getCharacteristic())
                && spec.getCurve().getA().equals(curve.getCurve().getA().toBigInteger())
                && spec.getCurve().getB().equals(curve.getCurve().getB().toBigInteger())
                && spec.getGenerator()
                        .getAffineX()
                        .equals(curve.getG().getAffineXCoord().toBigInteger())
                && spec.getGenerator()
                        .getAffineY()
                        .equals(curve.getG().getAffineYCoord().toBigInteger())
                && spec.getOrder().equals(curve.getN())
                && BigInteger.valueOf(spec.getCofactor()).equals(curve.getH());
    }
}
