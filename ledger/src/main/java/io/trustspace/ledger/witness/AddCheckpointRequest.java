package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.SignedNote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: the size of the checkpoint the client believes
 * the witness cosigned last, a consistency proof from that size to the new checkpoint, and the new checkpoint as a
 * signed note.
 *
 * <pre>
 * old 20852014
 * PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
 * jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
 *
 * example.com/behind-the-sofa
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 *
 * — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
 * </pre>
 *
 * <p>Every instance is well-formed: the note text is a checkpoint, the old size is between 0 and the checkpoint
 * size, the proof has at most {@value #MAX_PROOF_LINES} hashes of 1 to {@value Checkpoint#MAX_HASH_LENGTH} bytes and
 * is empty when the old size is 0 (as the spec requires). Whether the proof and signatures verify is the
 * {@link Witness}'s business. {@link #parse} bounds what it reads ({@value #MAX_BODY_BYTES} bytes) and refuses
 * malformed bodies with the reason, which the witness answers with 400.
 *
 * <p>Immutable and thread-safe: proof hashes are copied in and out.
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> consistencyProof, SignedNote note) {

    /** Largest request body accepted, in bytes (1 MiB, the signed-note limit: the note dominates the body). */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * Most consistency proof lines accepted. The spec lets clients send at most 63, which is every proof a tree of
     * fewer than 2^63 leaves needs; accepting one more matches {@code MerkleVerifier.MAX_PROOF_HASHES}, which then
     * says precisely that the length is wrong.
     */
    public static final int MAX_PROOF_LINES = 64;

    private static final String OLD_PREFIX = "old ";

    /** Length of the base64 of the longest hash accepted: a longer line cannot be a proof hash. */
    private static final int MAX_PROOF_LINE_CHARS = 4 * ((Checkpoint.MAX_HASH_LENGTH + 2) / 3);

    public AddCheckpointRequest {
        Objects.requireNonNull(note, "note");
        consistencyProof = copy(consistencyProof);
        Optional<String> problem = problem(oldSize, consistencyProof, note);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * The request a log (or the operator's coordinator) sends: {@code proof} runs from the size the witness is
     * believed to hold to the size of the checkpoint in {@code note}.
     *
     * @throws IllegalArgumentException if the proof does not end at the checkpoint's size, or the request would be
     *     malformed (see the class description)
     */
    public static AddCheckpointRequest of(ConsistencyProof proof, SignedNote note) {
        long size = checkpointOf(note)
                .orElseThrow(() -> new IllegalArgumentException("note text is not a checkpoint"))
                .size();
        if (proof.newSize() != size) {
            throw new IllegalArgumentException(
                    "proof runs to size " + proof.newSize() + " but the checkpoint has size " + size);
        }
        return new AddCheckpointRequest(proof.oldSize(), proof.hashes(), note);
    }

    /** The checkpoint the note carries (its text, parsed; the signatures are not verified here). */
    public Checkpoint checkpoint() {
        return checkpointOf(note).orElseThrow();
    }

    /** The consistency proof from {@link #oldSize()} to the checkpoint's size. */
    public ConsistencyProof proof() {
        return new ConsistencyProof(oldSize, checkpoint().size(), consistencyProof);
    }

    /** A copy of the proof hashes. */
    @Override
    public List<byte[]> consistencyProof() {
        return copy(consistencyProof);
    }

    /** The request body: old size line, one base64 proof hash per line, a blank line, the signed checkpoint. */
    public String format() {
        StringBuilder body = new StringBuilder(OLD_PREFIX).append(oldSize).append('\n');
        for (byte[] hash : consistencyProof) {
            body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return body.append('\n').append(note.format()).toString();
    }

    /** Parses a request body received as bytes; it must be valid UTF-8 of at most {@value #MAX_BODY_BYTES} bytes. */
    public static Result<AddCheckpointRequest> parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return Result.invalid(
                    "request body of " + body.length + " bytes exceeds the limit of " + MAX_BODY_BYTES + " bytes");
        }
        String decoded = new String(body, StandardCharsets.UTF_8);
        if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), body)) {
            return Result.invalid("request body is not valid UTF-8");
        }
        return parse(decoded);
    }

    /** Parses a request body; see the class description for what is refused. */
    public static Result<AddCheckpointRequest> parse(String body) {
        // Bound before any scanning: chars <= UTF-8 bytes, so the cheap test first, the exact one second.
        if (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return Result.invalid("request body exceeds the limit of " + MAX_BODY_BYTES + " bytes");
        }
        int end = body.indexOf('\n');
        if (end < 0) {
            return Result.invalid("request body has no complete line; it must start with 'old <size>'");
        }
        Result<Long> oldSize = parseOldSize(body.substring(0, end));
        if (oldSize instanceof Result.Failure<Long> bad) {
            return bad.cast();
        }
        List<byte[]> proof = new ArrayList<>();
        int start = end + 1;
        while (true) {
            end = body.indexOf('\n', start);
            if (end < 0) {
                return Result.invalid("request body has no blank line between the consistency proof and the"
                        + " checkpoint (every line must end in a newline)");
            }
            if (end == start) {
                break; // the blank line: the signed checkpoint follows
            }
            if (proof.size() == MAX_PROOF_LINES) {
                return Result.invalid("request has more than " + MAX_PROOF_LINES + " consistency proof lines");
            }
            Result<byte[]> hash = parseProofLine(body.substring(start, end), proof.size() + 1);
            if (hash instanceof Result.Failure<byte[]> bad) {
                return bad.cast();
            }
            proof.add(hash.orElseThrow());
            start = end + 1;
        }
        Result<SignedNote> note = SignedNote.parse(body.substring(end + 1));
        if (note instanceof Result.Failure<SignedNote> bad) {
            return Result.invalid("checkpoint note: " + bad.reason());
        }
        Result<Checkpoint> checkpoint = Checkpoint.parse(note.orElseThrow().text());
        if (checkpoint instanceof Result.Failure<Checkpoint> bad) {
            return Result.invalid("note text: " + bad.reason());
        }
        Optional<String> problem = problem(oldSize.orElseThrow(), proof, note.orElseThrow());
        return problem.isPresent()
                ? Result.invalid(problem.get())
                : Result.ok(new AddCheckpointRequest(oldSize.orElseThrow(), proof, note.orElseThrow()));
    }

    private static Result<Long> parseOldSize(String line) {
        if (!line.startsWith(OLD_PREFIX)) {
            return Result.invalid("first line must be 'old <size>', not '" + excerpt(line) + "'");
        }
        String digits = line.substring(OLD_PREFIX.length());
        if (digits.isEmpty()
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return Result.invalid("old size '" + excerpt(digits) + "' is not a decimal without sign or leading zeros");
        }
        try {
            return Result.ok(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Result.invalid("old size " + excerpt(digits) + " exceeds 2^63 - 1");
        }
    }

    private static Result<byte[]> parseProofLine(String line, int number) {
        String where = "consistency proof line " + number;
        if (line.length() > MAX_PROOF_LINE_CHARS) {
            return Result.invalid(where + " has " + line.length() + " chars, too long for a hash");
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            return Result.invalid(where + " is not base64");
        }
        if (!Base64.getEncoder().encodeToString(hash).equals(line)) {
            return Result.invalid(where + " is not canonical padded base64");
        }
        if (hash.length == 0 || hash.length > Checkpoint.MAX_HASH_LENGTH) {
            return Result.invalid(where + " decodes to " + hash.length + " bytes, not a hash");
        }
        return Result.ok(hash);
    }

    /** Why these parts cannot form a request, if they cannot. */
    private static Optional<String> problem(long oldSize, List<byte[]> proof, SignedNote note) {
        if (oldSize < 0) {
            return Optional.of("old size " + oldSize + " is negative");
        }
        if (proof.size() > MAX_PROOF_LINES) {
            return Optional.of("consistency proof has " + proof.size() + " hashes, more than " + MAX_PROOF_LINES);
        }
        for (int i = 0; i < proof.size(); i++) {
            int length = proof.get(i).length;
            if (length == 0 || length > Checkpoint.MAX_HASH_LENGTH) {
                return Optional.of("consistency proof hash " + (i + 1) + " has " + length + " bytes");
            }
        }
        Optional<Checkpoint> checkpoint = checkpointOf(note);
        if (checkpoint.isEmpty()) {
            return Optional.of("note text is not a checkpoint");
        }
        long size = checkpoint.get().size();
        if (oldSize > size) {
            return Optional.of("old size " + oldSize + " is larger than the checkpoint size " + size);
        }
        if (oldSize == 0 && !proof.isEmpty()) {
            return Optional.of(
                    "consistency proof must be empty when the old size is 0, but it has " + proof.size() + " lines");
        }
        return Optional.empty();
    }

    private static Optional<Checkpoint> checkpointOf(SignedNote note) {
        Result<Checkpoint> parsed = Checkpoint.parse(note.text());
        return parsed.isOk() ? Optional.of(parsed.orElseThrow()) : Optional.empty();
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> copied = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copied.add(Objects.requireNonNull(hash, "proof hash").clone());
        }
        return List.copyOf(copied);
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AddCheckpointRequest that)
                || oldSize != that.oldSize
                || !note.equals(that.note)
                || consistencyProof.size() != that.consistencyProof.size()) {
            return false;
        }
        for (int i = 0; i < consistencyProof.size(); i++) {
            if (!Arrays.equals(consistencyProof.get(i), that.consistencyProof.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(oldSize) * 31 + note.hashCode();
        for (byte[] proofHash : consistencyProof) {
            hash = 31 * hash + Arrays.hashCode(proofHash);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "AddCheckpointRequest[old " + oldSize + ", " + consistencyProof.size() + " proof hashes, " + checkpoint()
                + "]";
    }
}
