package io.trustspace.ledger.evidence;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One piece of evidence in the ledger: who ({@code actor}, a DID) did what ({@code type}) to which resources
 * ({@code subjects}) and when, committing to the payload by its digest. {@code previous} links to the prior record of
 * the same subject, so a subject's history is a chain inside the log.
 *
 * <p>The Merkle entry of a record is its RFC 8785 canonical JSON ({@link #canonicalJson()}), for example:
 *
 * <pre>{@code
 * {"actor":"did:web:provider.example","id":"ev-1","payloadDigest":"sha-256:9f86…","subjects":["contract-7"],
 *  "time":"2025-03-01T08:00:00.000Z","type":"contract.agreed"}
 * }</pre>
 *
 * <p>{@code previous} is omitted when there is none; {@code time} is RFC 3339 UTC with exactly three fractional
 * digits. The limits below keep every entry far below the 64 KiB an entry bundle can carry:
 *
 * <ul>
 *   <li>{@code id}, each subject and {@code previous}: 1 to {@value #MAX_ID_LENGTH} visible ASCII characters;
 *   <li>{@code type}: 1 to {@value #MAX_TYPE_LENGTH} characters, a letter then letters, digits, {@code . _ : -};
 *   <li>{@code actor}: a DID ({@code did:<method>:<method-specific-id>}, W3C DID Core syntax), at most
 *       {@value #MAX_DID_LENGTH} characters;
 *   <li>{@code subjects}: 1 to {@value #MAX_SUBJECTS} distinct ids;
 *   <li>{@code payloadDigest}: {@code sha-256:} or {@code sm3:} and 64 lower-case hex digits;
 *   <li>{@code time}: whole milliseconds, between 1970 and 9999;
 *   <li>{@code previous}: differs from {@code id}.
 * </ul>
 *
 * <p>Immutable and thread-safe. The constructor throws {@link IllegalArgumentException} for invalid values;
 * {@link #of} returns the same reason as an INVALID failure, for input from outside.
 */
public record EvidenceRecord(
        String id,
        String type,
        String actor,
        List<String> subjects,
        String payloadDigest,
        Instant time,
        String previous) {

    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TYPE_LENGTH = 100;
    public static final int MAX_DID_LENGTH = 500;
    public static final int MAX_SUBJECTS = 32;

    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._:-]*");
    /** W3C DID Core §3.1: did:method-name:method-specific-id, idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded. */
    private static final Pattern DID = Pattern.compile(
            "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    private static final Pattern DIGEST = Pattern.compile("(?:sha-256|sm3):[0-9a-f]{64}");
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> FIELDS =
            Set.of("id", "type", "actor", "subjects", "payloadDigest", "time", "previous");

    public EvidenceRecord {
        subjects = subjects == null ? null : List.copyOf(subjects);
        problem(id, type, actor, subjects, payloadDigest, time, previous).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** The record, or an INVALID failure saying which field is wrong and why. */
    public static Result<EvidenceRecord> of(
            String id,
            String type,
            String actor,
            List<String> subjects,
            String payloadDigest,
            Instant time,
            String previous) {
        List<String> copied;
        try {
            copied = subjects == null ? null : List.copyOf(subjects);
        } catch (NullPointerException e) {
            return Result.invalid("subjects contain null");
        }
        Optional<String> problem = problem(id, type, actor, copied, payloadDigest, time, previous);
        return problem.isPresent()
                ? Result.invalid(problem.get())
                : Result.ok(new EvidenceRecord(id, type, actor, copied, payloadDigest, time, previous));
    }

    /** The RFC 8785 canonical JSON of this record: the bytes appended to the log and signed by the actor. */
    public byte[] canonicalJson() {
        return CanonicalJson.canonicalize(toJson()).orElseThrow();
    }

    /** This record as a JSON tree (members in any order; canonicalise before hashing or signing). */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("id", id);
        json.put("type", type);
        json.put("actor", actor);
        ArrayNode subjectArray = json.putArray("subjects");
        subjects.forEach(subjectArray::add);
        json.put("payloadDigest", payloadDigest);
        json.put("time", RFC_3339_MILLIS.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)));
        if (previous != null) {
            json.put("previous", previous);
        }
        return json;
    }

    /**
     * Reads a log entry back into a record. The entry must be exactly the canonical JSON of a valid record, so each
     * record has one and only one entry form.
     */
    public static Result<EvidenceRecord> fromCanonicalJson(byte[] entry) {
        return CanonicalJson.parse(entry)
                .flatMap(EvidenceRecord::fromJson)
                .flatMap(record -> Arrays.equals(record.canonicalJson(), entry)
                        ? Result.ok(record)
                        : Result.invalid("entry is not the RFC 8785 canonical form of its record"));
    }

    /** Reads a record from a JSON tree, refusing unknown members and members of the wrong type. */
    public static Result<EvidenceRecord> fromJson(JsonNode json) {
        if (!json.isObject()) {
            return Result.invalid("evidence record is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            if (!FIELDS.contains(member.getKey())) {
                return Result.invalid("evidence record has the unknown member '" + member.getKey() + "'");
            }
        }
        for (String field : List.of("id", "type", "actor", "payloadDigest", "time")) {
            if (json.get(field) == null || !json.get(field).isString()) {
                return Result.invalid("evidence record member '" + field + "' is missing or not a string");
            }
        }
        JsonNode previous = json.get("previous");
        if (previous != null && !previous.isString()) {
            return Result.invalid("evidence record member 'previous' is not a string");
        }
        JsonNode subjectArray = json.get("subjects");
        if (subjectArray == null || !subjectArray.isArray()) {
            return Result.invalid("evidence record member 'subjects' is missing or not an array");
        }
        if (subjectArray.size() > MAX_SUBJECTS) {
            return Result.invalid(
                    "evidence record has " + subjectArray.size() + " subjects, at most " + MAX_SUBJECTS + " allowed");
        }
        List<String> subjects = new ArrayList<>();
        for (JsonNode subject : subjectArray.values()) {
            if (!subject.isString()) {
                return Result.invalid("evidence record subject " + subjects.size() + " is not a string");
            }
            subjects.add(subject.stringValue());
        }
        Instant time;
        String timeText = json.get("time").stringValue();
        try {
            time = LocalDateTime.parse(timeText, RFC_3339_MILLIS).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Result.invalid("evidence record time '" + timeText
                    + "' is not RFC 3339 UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.SSSZ)");
        }
        return of(
                json.get("id").stringValue(),
                json.get("type").stringValue(),
                json.get("actor").stringValue(),
                subjects,
                json.get("payloadDigest").stringValue(),
                time,
                previous == null ? null : previous.stringValue());
    }

    /** The first thing wrong with these values, in field order, or empty if they make a valid record. */
    private static Optional<String> problem(
            String id,
            String type,
            String actor,
            List<String> subjects,
            String payloadDigest,
            Instant time,
            String previous) {
        Optional<String> idProblem = idProblem("id", id);
        if (idProblem.isPresent()) {
            return idProblem;
        }
        if (type == null
                || type.isEmpty()
                || type.length() > MAX_TYPE_LENGTH
                || !TYPE.matcher(type).matches()) {
            return Optional.of("type " + quote(type) + " must be 1 to " + MAX_TYPE_LENGTH
                    + " characters: a letter, then letters, digits, '.', '_', ':' or '-'");
        }
        if (actor == null
                || actor.length() > MAX_DID_LENGTH
                || !DID.matcher(actor).matches()) {
            return Optional.of("actor " + quote(actor) + " is not a DID (did:<method>:<method-specific-id>, at most "
                    + MAX_DID_LENGTH + " characters)");
        }
        if (subjects == null || subjects.isEmpty() || subjects.size() > MAX_SUBJECTS) {
            return Optional.of(
                    "a record has 1 to " + MAX_SUBJECTS + " subjects, not " + (subjects == null ? 0 : subjects.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            Optional<String> subjectProblem = idProblem("subject " + i, subjects.get(i));
            if (subjectProblem.isPresent()) {
                return subjectProblem;
            }
            if (!seen.add(subjects.get(i))) {
                return Optional.of("subject " + quote(subjects.get(i)) + " is listed twice");
            }
        }
        if (payloadDigest == null || !DIGEST.matcher(payloadDigest).matches()) {
            return Optional.of("payloadDigest " + quote(payloadDigest)
                    + " is not 'sha-256:' or 'sm3:' followed by 64 lower-case hex digits");
        }
        if (time == null) {
            return Optional.of("time is missing");
        }
        if (!time.truncatedTo(ChronoUnit.MILLIS).equals(time)) {
            return Optional.of("time " + time + " has sub-millisecond precision; records carry whole milliseconds");
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            return Optional.of("time " + time + " is not between 1970 and 9999");
        }
        if (previous != null) {
            Optional<String> previousProblem = idProblem("previous", previous);
            if (previousProblem.isPresent()) {
                return previousProblem;
            }
            if (previous.equals(id)) {
                return Optional.of("previous " + quote(previous) + " is the record's own id");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> idProblem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        if (value.length() > MAX_ID_LENGTH) {
            return Optional.of(what + " has " + value.length() + " characters, at most " + MAX_ID_LENGTH + " allowed");
        }
        if (!value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            return Optional.of(what + " " + quote(value) + " may only contain visible ASCII characters");
        }
        return Optional.empty();
    }

    private static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}
