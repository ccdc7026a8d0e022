package io.trustspace.ledger.note;

import io.trustspace.common.Result;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines
 * {@code — <key name> base64(key ID || signature)} (c2sp.org/signed-note).
 *
 * <p>{@link #parse} bounds what it reads ({@value #MAX_NOTE_BYTES} bytes, {@value #MAX_SIGNATURES} signature lines;
 * the spec asks verifiers to accept at least 16) and refuses malformed notes with the reason. {@link #verify} applies
 * the spec's rules: signatures by unknown keys (name and key ID not both known) are ignored; a signature by a known
 * key that does not verify rejects the whole note; the note is accepted only if enough distinct known keys verified.
 *
 * <p>Immutable and thread-safe. Every failure is {@link Result.Kind#INVALID}.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Largest encoded note accepted, in UTF-8 bytes (1 MiB). */
    public static final int MAX_NOTE_BYTES = 1 << 20;

    /** Most signature lines accepted on one note. */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedNote {
        checkText(text).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException(
                    "a note carries 1 to " + MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /** {@code text} signed by each of {@code signers}, in order. */
    public static SignedNote sign(String text, List<? extends NoteSigner> signers) {
        checkText(text).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(NoteSignature.sign(signer, bytes));
        }
        return new SignedNote(text, signatures);
    }

    /** This note with one more signature, by {@code signer} (a witness cosigning, for instance). */
    public SignedNote cosign(NoteSigner signer) {
        return withSignature(NoteSignature.sign(signer, textBytes()));
    }

    /** This note with {@code signature} appended (a cosignature received from a witness, for instance). */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new SignedNote(text, more);
    }

    /** The note text as UTF-8, the bytes every signature covers. */
    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The encoded note: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line());
        }
        return out.toString();
    }

    /** Parses an encoded note given as UTF-8 bytes; malformed UTF-8 is refused. */
    public static Result<SignedNote> parse(byte[] utf8) {
        if (utf8.length > MAX_NOTE_BYTES) {
            return Result.invalid("note of " + utf8.length + " bytes exceeds the limit of " + MAX_NOTE_BYTES);
        }
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), utf8)) {
            return Result.invalid("note is not valid UTF-8");
        }
        return parse(decoded);
    }

    /** Parses an encoded note; see the class description for the limits. */
    public static Result<SignedNote> parse(String encoded) {
        if (encoded.length() > MAX_NOTE_BYTES || encoded.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
            return Result.invalid("note exceeds the limit of " + MAX_NOTE_BYTES + " bytes");
        }
        Optional<String> bad = checkCharacters(encoded);
        if (bad.isPresent()) {
            return Result.invalid(bad.get());
        }
        if (!encoded.endsWith("\n")) {
            return Result.invalid("note does not end with a newline");
        }
        int separator = encoded.lastIndexOf("\n\n");
        if (separator < 0) {
            return Result.invalid("note has no blank line between its text and its signatures");
        }
        String text = encoded.substring(0, separator + 1);
        String block = encoded.substring(separator + 2);
        if (block.isEmpty()) {
            return Result.invalid("note has no signature lines");
        }
        long lineCount = block.chars().filter(c -> c == '\n').count();
        if (lineCount > MAX_SIGNATURES) {
            return Result.invalid(
                    "note has " + lineCount + " signature lines, more than the " + MAX_SIGNATURES + " accepted");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int lineNumber = 0;
        for (String line : block.split("\n")) {
            lineNumber++;
            Result<NoteSignature> signature = parseLine(line, lineNumber);
            if (signature instanceof Result.Failure<NoteSignature> failure) {
                return failure.cast();
            }
            signatures.add(signature.orElseThrow());
        }
        return Result.ok(new SignedNote(text, signatures));
    }

    private static Result<NoteSignature> parseLine(String line, int lineNumber) {
        String where = "signature line " + lineNumber;
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            return Result.invalid(where + " does not start with an em dash (U+2014) and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
            return Result.invalid(where + " is not '— <name> <base64 signature>'");
        }
        String name = rest.substring(0, space);
        Optional<String> badName = NoteKey.checkName(name);
        if (badName.isPresent()) {
            return Result.invalid(where + ": " + badName.get());
        }
        String encoded = rest.substring(space + 1);
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Result.invalid(where + " (" + name + ") is not base64");
        }
        if (!Base64.getEncoder().encodeToString(payload).equals(encoded)) {
            return Result.invalid(where + " (" + name + ") is not canonical padded base64");
        }
        if (payload.length < 5) {
            return Result.invalid(
                    where + " (" + name + ") has " + payload.length + " bytes, fewer than a key ID and a signature");
        }
        int keyId = ((payload[0] & 0xff) << 24)
                | ((payload[1] & 0xff) << 16)
                | ((payload[2] & 0xff) << 8)
                | (payload[3] & 0xff);
        return Result.ok(new NoteSignature(name, keyId, Arrays.copyOfRange(payload, 4, payload.length)));
    }

    /** {@link #verify(Collection, int)} with one trusted key. */
    public Result<VerifiedNote> verify(NoteVerifier key) {
        return verify(List.of(key), 1);
    }

    /**
     * Verifies this note against the keys the caller trusts, requiring valid signatures from at least
     * {@code required} distinct ones (for instance the log's key alone, or 2 of 3 witnesses).
     *
     * @throws IllegalArgumentException if {@code required} is not between 1 and the number of known keys, or two
     *     known keys share a name and key ID (an ambiguous configuration)
     */
    public Result<VerifiedNote> verify(Collection<? extends NoteVerifier> known, int required) {
        if (required < 1 || required > known.size()) {
            throw new IllegalArgumentException(
                    "cannot require " + required + " signatures from " + known.size() + " known keys");
        }
        checkUnambiguous(known);
        byte[] message = textBytes();
        Set<NoteVerifier> verifiedKeys = new LinkedHashSet<>();
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            Optional<? extends NoteVerifier> key =
                    known.stream().filter(signature::claimsKeyOf).findFirst();
            if (key.isEmpty()) {
                continue; // the spec requires ignoring unknown keys, e.g. witnesses the client does not track
            }
            String who = signature.name() + " (key id " + HexFormat.of().toHexDigits(signature.keyId()) + ")";
            if (!key.get().verify(message, signature.signatureBytes())) {
                return Result.invalid("signature by " + who + " does not verify");
            }
            if (!verifiedKeys.add(key.get())) {
                return Result.invalid("note carries two signatures by " + who);
            }
            verified.add(signature);
        }
        if (verified.size() < required) {
            return Result.invalid(
                    verified.isEmpty()
                            ? "note is not signed by any known key (it is signed by " + signerNames() + ")"
                            : "note is signed by " + verified.size() + " of the known keys, " + required + " required");
        }
        return Result.ok(new VerifiedNote(text, verified));
    }

    private static void checkUnambiguous(Collection<? extends NoteVerifier> known) {
        Set<String> seen = new HashSet<>();
        for (NoteVerifier key : known) {
            if (!seen.add(key.name() + "+" + key.keyId())) {
                throw new IllegalArgumentException("two known keys are named " + key.name() + " with key id "
                        + HexFormat.of().toHexDigits(key.keyId()));
            }
        }
    }

    private String signerNames() {
        return signatures.stream()
                .map(s -> s.name() + " " + HexFormat.of().toHexDigits(s.keyId()))
                .distinct()
                .limit(5)
                .toList()
                .toString();
    }

    /** Why {@code text} cannot be a note text, if it cannot. */
    static Optional<String> checkText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            return Optional.of("note text must be non-empty and end with a newline");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
            return Optional.of("note text exceeds the limit of " + MAX_NOTE_BYTES + " bytes");
        }
        return checkCharacters(text);
    }

    private static Optional<String> checkCharacters(String encoded) {
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c < 0x20 && c != '\n') {
                return Optional.of(
                        String.format("note contains the control character U+%04X at offset %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < encoded.length()
                    && Character.isLowSurrogate(encoded.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("note contains an unpaired surrogate at offset " + i + " and is not valid UTF-8");
            }
        }
        return Optional.empty();
    }
}
