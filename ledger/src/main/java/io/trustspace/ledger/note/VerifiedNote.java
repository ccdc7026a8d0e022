package io.trustspace.ledger.note;

import java.util.List;

/**
 * A note whose signatures met a verification policy: its text, which may now be trusted, and the signatures of
 * known keys that verified. Immutable.
 */
public record VerifiedNote(String text, List<NoteSignature> verifiedSignatures) {

    public VerifiedNote {
        verifiedSignatures = List.copyOf(verifiedSignatures);
    }
}
