package io.trustspace.ledger.note;

/**
 * Signs note texts under one key (c2sp.org/signed-note). A log signs each checkpoint with its key; a witness adds its
 * cosignature.
 *
 * <p>Implementations must be thread-safe. {@link #sign} returns the signature bytes that follow the 4-byte key ID on
 * the signature line.
 */
public interface NoteSigner {

    /** The key name on the signature line. */
    String name();

    /** The 4-byte key ID, as {@link NoteKey#keyId()} computes it. */
    int keyId();

    /** The signature of {@code noteText} (UTF-8, ending in a newline) by this key. */
    byte[] sign(byte[] noteText);
}
