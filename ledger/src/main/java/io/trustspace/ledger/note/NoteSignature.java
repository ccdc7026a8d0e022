package io.trustspace.ledger.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <name> base64(key ID || signature)}.
 *
 * <p>Immutable: the signature bytes are copied in and out.
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

    public NoteSignature {
        NoteKey.checkName(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (signature.length == 0) {
            throw new IllegalArgumentException("signature of " + name + " is empty");
        }
        signature = signature.clone();
    }

    /** The signature by {@code signer} of {@code noteText}. */
    public static NoteSignature sign(NoteSigner signer, byte[] noteText) {
        return new NoteSignature(signer.name(), signer.keyId(), signer.sign(noteText));
    }

    /** The signature line, ending in a newline. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length)
                .putInt(keyId)
                .put(signature)
                .array();
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    /** True if this line claims to be by {@code verifier}'s key (same name and key ID). */
    public boolean claimsKeyOf(NoteVerifier verifier) {
        return keyId == verifier.keyId() && name.equals(verifier.name());
    }

    /** A copy of the signature bytes (without the key ID). */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    byte[] signatureBytes() {
        return signature;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that
                && keyId == that.keyId
                && name.equals(that.name)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "NoteSignature[" + name + ", " + HexFormat.of().toHexDigits(keyId) + "]";
    }
}
