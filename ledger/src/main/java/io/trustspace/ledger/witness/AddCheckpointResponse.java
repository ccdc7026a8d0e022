package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.SignedNote;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The HTTP form of an {@code add-checkpoint} answer (c2sp.org/tlog-witness): status, content type and body. The
 * witness's HTTP adapter sends {@link #of(AddCheckpointOutcome)}; a client's HTTP adapter turns what it received back
 * into an outcome with {@link #read}. This is the one place where outcomes and statuses meet.
 *
 * <table>
 *   <caption>Outcomes and statuses</caption>
 *   <tr><th>outcome</th><th>status</th><th>body</th></tr>
 *   <tr><td>Cosigned</td><td>200</td><td>the cosignature lines {@code — <name> <base64>\n}</td></tr>
 *   <tr><td>Conflict</td><td>409, {@code text/x.tlog.size}</td><td>the witness's latest size and a newline</td></tr>
 *   <tr><td>Forked</td><td>409, {@code text/plain}</td><td>the reason</td></tr>
 *   <tr><td>BadProof</td><td>422</td><td>the reason</td></tr>
 *   <tr><td>UnknownLog</td><td>404</td><td>the reason</td></tr>
 *   <tr><td>BadSignature</td><td>403</td><td>the reason</td></tr>
 *   <tr><td>Invalid</td><td>400</td><td>the reason</td></tr>
 * </table>
 *
 * <p>Immutable.
 */
public record AddCheckpointResponse(int status, String contentType, String body) {

    /** The content type of a 409 answer that carries the witness's latest tree size. */
    public static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

    /** The content type of cosignature lines and of refusal reasons. */
    public static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

    /** Longest size body read: 19 digits and a newline, with room for a CR some servers add. */
    private static final int MAX_SIZE_BODY_CHARS = 32;

    /** Longest excerpt of a refusal body kept in a reason. */
    private static final int MAX_REASON_CHARS = 500;

    public AddCheckpointResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** The HTTP answer for {@code outcome}. */
    public static AddCheckpointResponse of(AddCheckpointOutcome outcome) {
        if (outcome instanceof AddCheckpointOutcome.Cosigned cosigned) {
            StringBuilder lines = new StringBuilder();
            cosigned.cosignatures().forEach(signature -> lines.append(signature.line()));
            return new AddCheckpointResponse(200, TEXT_CONTENT_TYPE, lines.toString());
        }
        if (outcome instanceof AddCheckpointOutcome.Conflict conflict) {
            return new AddCheckpointResponse(409, SIZE_CONTENT_TYPE, conflict.latestSize() + "\n");
        }
        if (outcome instanceof AddCheckpointOutcome.Forked forked) {
            return text(409, forked.reason());
        }
        if (outcome instanceof AddCheckpointOutcome.BadProof badProof) {
            return text(422, badProof.reason());
        }
        if (outcome instanceof AddCheckpointOutcome.UnknownLog unknown) {
            return text(404, "unknown log " + unknown.origin());
        }
        if (outcome instanceof AddCheckpointOutcome.BadSignature badSignature) {
            return text(403, badSignature.reason());
        }
        return text(400, ((AddCheckpointOutcome.Invalid) outcome).reason());
    }

    /**
     * The witness's answer to {@code sent}, as the client received it. A 200 body must consist of signature lines (at
     * most {@value SignedNote#MAX_SIGNATURES}); they are parsed as the spec suggests, appended to the checkpoint
     * text, but not verified: the caller checks them against the witness's key and ignores those of unknown keys.
     *
     * @return the outcome, or an {@code INVALID} failure for a malformed 200 or 409 body, or {@code UNAVAILABLE} for a
     *     status the protocol does not define (a 5xx, a proxy's error page)
     */
    public static Result<AddCheckpointOutcome> read(
            int status, String contentType, String body, AddCheckpointRequest sent) {
        String reason = excerpt(body);
        switch (status) {
            case 200:
                return parseCosignatures(body, sent.note()).map(AddCheckpointOutcome.Cosigned::new);
            case 409:
                if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(SIZE_CONTENT_TYPE)) {
                    return parseSize(body).map(AddCheckpointOutcome.Conflict::new);
                }
                return Result.ok(new AddCheckpointOutcome.Forked(reason));
            case 422:
                return Result.ok(new AddCheckpointOutcome.BadProof(reason));
            case 404:
                return Result.ok(
                        new AddCheckpointOutcome.UnknownLog(sent.checkpoint().origin()));
            case 403:
                return Result.ok(new AddCheckpointOutcome.BadSignature(reason));
            case 400:
                return Result.ok(new AddCheckpointOutcome.Invalid(reason));
            default:
                return Result.unavailable("witness answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason));
        }
    }

    /** Parses a {@code text/x.tlog.size} body: a decimal tree size without leading zeros, then a newline. */
    public static Result<Long> parseSize(String body) {
        if (body.length() > MAX_SIZE_BODY_CHARS) {
            return Result.invalid("size body of " + body.length() + " chars is too long for a tree size");
        }
        String digits = body.endsWith("\n") ? body.substring(0, body.length() - 1) : "";
        if (digits.isEmpty()
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return Result.invalid("size body '" + body.strip() + "' is not a decimal tree size and a newline");
        }
        try {
            return Result.ok(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Result.invalid("size " + digits + " exceeds 2^63 - 1");
        }
    }

    private static Result<List<NoteSignature>> parseCosignatures(String body, SignedNote sent) {
        if (body.isEmpty()) {
            return Result.invalid("witness answered 200 without cosignature lines");
        }
        // The spec's suggestion: cosignature lines appended to the checkpoint form a note; parsing that note applies
        // the signed-note limits and line syntax, so the two cannot drift apart.
        Result<SignedNote> parsed = SignedNote.parse(sent.text() + "\n" + body);
        if (parsed instanceof Result.Failure<SignedNote> bad) {
            return Result.invalid("witness answered 200 with a body that is not cosignature lines: " + bad.reason());
        }
        if (!parsed.orElseThrow().text().equals(sent.text())) {
            return Result.invalid("witness answered 200 with a body that is not only cosignature lines");
        }
        return Result.ok(parsed.orElseThrow().signatures());
    }

    private static AddCheckpointResponse text(int status, String reason) {
        return new AddCheckpointResponse(status, TEXT_CONTENT_TYPE, reason + "\n");
    }

    private static String excerpt(String body) {
        String stripped = body.strip();
        return stripped.length() <= MAX_REASON_CHARS ? stripped : stripped.substring(0, MAX_REASON_CHARS) + "…";
    }
}
