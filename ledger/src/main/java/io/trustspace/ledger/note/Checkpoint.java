package io.trustspace.ledger.note;

import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the note text naming the log (origin), its tree size and
 * its RFC 9162 root hash, plus optional opaque extension lines.
 *
 * <pre>
 * space.example.org/ledger
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * <p>A checkpoint means nothing until its signature is verified: use {@link #open} for text from outside. The root
 * hash is the suite hash of the space (SHA-256 or SM3); the checkpoint itself does not say which, the verifier's
 * configuration does.
 *
 * <p>Immutable and thread-safe. Parse failures are {@link Result.Kind#INVALID}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** Longest root hash accepted, in bytes. The suites' hashes have 32. */
    public static final int MAX_HASH_LENGTH = 64;

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        checkLine("origin", origin).ifPresent(Checkpoint::refuse);
        if (size < 0) {
            refuse("tree size " + size + " is negative");
        }
        if (rootHash.length == 0 || rootHash.length > MAX_HASH_LENGTH) {
            refuse("root hash has " + rootHash.length + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            checkLine("extension line", extension).ifPresent(Checkpoint::refuse);
        }
    }

    /** A checkpoint without extension lines (the spec does not recommend them). */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** The note text: origin, size, base64 root hash and extension lines, each ending in a newline. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        for (String extension : extensions) {
            body.append(extension).append('\n');
        }
        return body.toString();
    }

    /** This checkpoint signed by {@code signers} (the log's key first; its name should be the origin). */
    public SignedNote sign(List<? extends NoteSigner> signers) {
        return SignedNote.sign(body(), signers);
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * Parses a checkpoint note text. Refuses fewer than three lines, an empty line, a size with a sign or leading
     * zeros or beyond 2^63 - 1, and a root hash that is not canonical padded base64.
     */
    public static Result<Checkpoint> parse(String body) {
        if (!body.endsWith("\n")) {
            return Result.invalid("checkpoint does not end with a newline");
        }
        if (body.length() > SignedNote.MAX_NOTE_BYTES) {
            return Result.invalid("checkpoint exceeds " + SignedNote.MAX_NOTE_BYTES + " chars");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            return Result.invalid("checkpoint has " + lines.length + " lines; origin, size and root hash are required");
        }
        for (int i = 0; i < lines.length; i++) {
            Optional<String> bad = checkLine("line " + (i + 1), lines[i]);
            if (bad.isPresent()) {
                return Result.invalid("checkpoint " + bad.get());
            }
        }
        String sizeLine = lines[1];
        if (!sizeLine.chars().allMatch(c -> c >= '0' && c <= '9')
                || (sizeLine.length() > 1 && sizeLine.charAt(0) == '0')) {
            return Result.invalid("checkpoint tree size '" + sizeLine + "' is not a decimal without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(sizeLine);
        } catch (NumberFormatException e) {
            return Result.invalid("checkpoint tree size " + sizeLine + " exceeds 2^63 - 1");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return Result.invalid("checkpoint root hash '" + lines[2] + "' is not base64");
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            return Result.invalid("checkpoint root hash '" + lines[2] + "' is not canonical padded base64");
        }
        if (root.length == 0 || root.length > MAX_HASH_LENGTH) {
            return Result.invalid("checkpoint root hash has " + root.length + " bytes");
        }
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        return Result.ok(new Checkpoint(lines[0], size, root, extensions));
    }

    /**
     * Parses and verifies a signed checkpoint from outside: the note must carry valid signatures of at least
     * {@code required} of the {@code verifiers} (see {@link SignedNote#verify}) and its text must be a checkpoint.
     */
    public static Result<Checkpoint> open(
            String signedNote, Collection<? extends NoteVerifier> verifiers, int required) {
        return SignedNote.parse(signedNote)
                .flatMap(note -> note.verify(verifiers, required))
                .flatMap(verified -> parse(verified.text()));
    }

    private static Optional<String> checkLine(String what, String line) {
        if (line.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20) {
                return Optional.of(what + " contains a control character");
            }
        }
        return Optional.empty();
    }

    private static void refuse(String reason) {
        throw new IllegalArgumentException(reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && size == that.size
                && origin.equals(that.origin)
                && Arrays.equals(rootHash, that.rootHash)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace('\n', ' ').trim() + "]";
    }
}
