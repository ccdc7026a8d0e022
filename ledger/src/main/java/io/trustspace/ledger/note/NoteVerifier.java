package io.trustspace.ledger.note;

/**
 * Checks note signatures made by one known key, identified by its name and key ID (c2sp.org/signed-note).
 *
 * <p>Implementations must be thread-safe. {@link #verify} receives the signature bytes that follow the 4-byte key ID
 * on the signature line and returns true only for a valid signature; malformed input is simply invalid.
 */
public interface NoteVerifier {

    /** The key name expected on the signature line. */
    String name();

    /** The 4-byte key ID expected on the signature line. */
    int keyId();

    /** True if {@code signature} is this key's valid signature of {@code noteText}. */
    boolean verify(byte[] noteText, byte[] signature);
}
