package io.trustspace.app.keys;

import java.util.Locale;

/**
 * What a node key is for. Each purpose has its own active key and rotates on its own: the ledger's log key is
 * pinned by auditors and changes rarely; the witness key is always Ed25519 (c2sp.org/tlog-cosignature).
 */
public enum KeyPurpose {
    /** Signs evidence, tokens and agreements as this node (the suite's algorithm). */
    SIGNING,
    /** Signs the operator's ledger checkpoints. */
    LEDGER,
    /** Cosigns other logs' checkpoints as a witness (Ed25519 in every suite). */
    WITNESS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
