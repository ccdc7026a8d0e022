package io.trustspace.ledger.witness;

import io.trustspace.ledger.note.NoteVerifier;
import java.util.Objects;

/**
 * A witness the operator asks for cosignatures: its cosignature key, with which every cosignature it returns is
 * checked before the log keeps it, and the client that reaches it. Immutable.
 */
public record WitnessEndpoint(NoteVerifier key, WitnessClient client) {

    public WitnessEndpoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
    }

    /** The witness's name, the key name on its cosignatures. */
    public String name() {
        return key.name();
    }
}
