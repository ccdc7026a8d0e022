package io.trustspace.ledger.witness;

import io.trustspace.ledger.note.NoteSignature;
import java.util.List;
import java.util.Objects;

/**
 * What a witness answers to an {@code add-checkpoint} request (c2sp.org/tlog-witness). Each outcome maps to exactly
 * one HTTP status, in {@link AddCheckpointResponse#of}; nothing else maps them.
 *
 * <p>Only {@link Cosigned} carries a cosignature. Every other outcome is a refusal, and the witness's state is
 * unchanged by it. Immutable.
 */
public sealed interface AddCheckpointOutcome {

    /** 200: the witness recorded the checkpoint as its latest for the log and cosigned it. */
    record Cosigned(List<NoteSignature> cosignatures) implements AddCheckpointOutcome {
        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
            if (cosignatures.isEmpty()) {
                throw new IllegalArgumentException("a cosigned answer carries at least one cosignature");
            }
        }
    }

    /**
     * 409 with {@code text/x.tlog.size}: the request's old size is not the size of the latest checkpoint the witness
     * cosigned for the log, which is {@code latestSize} (0 if none). The client retries from that size.
     */
    record Conflict(long latestSize) implements AddCheckpointOutcome {
        public Conflict {
            if (latestSize < 0) {
                throw new IllegalArgumentException("latest size " + latestSize + " is negative");
            }
        }
    }

    /**
     * 409: the checkpoint has the size of the one the witness cosigned last but a different root hash. Both are
     * signed by the log, so the log has shown two different trees: a split view. An alert was raised.
     */
    record Forked(String reason) implements AddCheckpointOutcome {
        public Forked {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * 422: the consistency proof does not show that the cosigned tree is a prefix of the new one. When the proof is
     * well-formed (right length, right hash sizes) but leads to other roots, it may show a fork and an alert was
     * raised; the reason says which.
     */
    record BadProof(String reason) implements AddCheckpointOutcome {
        public BadProof {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 404: the witness does not witness a log with this origin. */
    record UnknownLog(String origin) implements AddCheckpointOutcome {
        public UnknownLog {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** 403: no signature on the checkpoint verifies with a key the witness trusts for its origin. */
    record BadSignature(String reason) implements AddCheckpointOutcome {
        public BadSignature {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 400: the request is malformed, or its checkpoint cannot be a checkpoint of this log (e.g. hash length). */
    record Invalid(String reason) implements AddCheckpointOutcome {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
