package io.trustspace.catalog.identifier;

import io.trustspace.common.Result;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data identifier (数据标识): the globally unique, persistent name of a catalog resource,
 * {@code <space prefix>/<participant>/<local id>[@version]}, for example
 * {@code ts.example.cn/urn:trustspace:participant:7d0c…/traffic-flow-2026@2}.
 *
 * <ul>
 *   <li>{@code space prefix}: 1 to {@value #MAX_PREFIX_LENGTH} characters of {@code a-z 0-9 . -}, starting and
 *       ending with a letter or digit (a DNS-like name the space operator owns);
 *   <li>{@code participant}: the holder's participant id, 1 to {@value #MAX_PARTICIPANT_LENGTH} characters of
 *       {@code A-Z a-z 0-9 . _ : -};
 *   <li>{@code local id}: chosen by the holder, 1 to {@value #MAX_LOCAL_ID_LENGTH} characters of
 *       {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit;
 *   <li>{@code version}: a decimal integer from 1 to {@value #MAX_VERSION} without leading zeros; absent means "the
 *       current version" when resolving.
 * </ul>
 *
 * Identifiers are case-sensitive and ASCII only, so they can be evidence subjects and path segments as they are.
 * Once minted an identifier is never reassigned: a delisted resource keeps it and resolves to a tombstone.
 *
 * <p>Immutable and thread-safe. The constructor throws {@link IllegalArgumentException} for invalid parts;
 * {@link #parse} returns an INVALID failure naming the part and the rule, for input from outside.
 */
public record DataIdentifier(String spacePrefix, String participant, String localId, Integer version) {

    public static final int MAX_PREFIX_LENGTH = 63;
    public static final int MAX_PARTICIPANT_LENGTH = 64;
    public static final int MAX_LOCAL_ID_LENGTH = 64;
    public static final int MAX_VERSION = 999_999;
    /** The longest identifier: it fits an evidence subject (200 characters). */
    public static final int MAX_LENGTH = MAX_PREFIX_LENGTH + MAX_PARTICIPANT_LENGTH + MAX_LOCAL_ID_LENGTH + 9;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?");
    private static final Pattern PARTICIPANT = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,5}");
    private static final Pattern WHOLE = Pattern.compile("([^/]*)/([^/]*)/([^/@]*)(?:@(.*))?");

    public DataIdentifier {
        Optional<String> problem = problem(spacePrefix, participant, localId, version);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** The identifier of version {@code version} of a resource. */
    public static DataIdentifier of(String spacePrefix, String participant, String localId, int version) {
        return new DataIdentifier(spacePrefix, participant, localId, version);
    }

    /** Reads {@code <prefix>/<participant>/<local id>[@version]}, or says which part breaks which rule. */
    public static Result<DataIdentifier> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Result.invalid(
                    "a data identifier is <space prefix>/<participant>/<local id>[@version]; got nothing");
        }
        if (text.length() > MAX_LENGTH) {
            return Result.invalid("data identifier is too long (" + text.length() + " characters)");
        }
        Matcher matcher = WHOLE.matcher(text);
        if (!matcher.matches()) {
            return Result.invalid("a data identifier is <space prefix>/<participant>/<local id>[@version]");
        }
        String versionText = matcher.group(4);
        if (versionText != null && !VERSION.matcher(versionText).matches()) {
            return Result.invalid("version '" + versionText + "' is not an integer from 1 to " + MAX_VERSION
                    + " without leading zeros");
        }
        Integer version = versionText == null ? null : Integer.valueOf(versionText);
        Optional<String> problem = problem(matcher.group(1), matcher.group(2), matcher.group(3), version);
        return problem.isPresent()
                ? Result.invalid(problem.get())
                : Result.ok(new DataIdentifier(matcher.group(1), matcher.group(2), matcher.group(3), version));
    }

    /** Whether {@code text} is a well-formed local id (what a provider chooses when drafting). */
    public static Optional<String> localIdProblem(String localId) {
        return localIdRule(localId);
    }

    /** Whether {@code participant} can be the participant part of an identifier. */
    public static Optional<String> participantProblem(String participant) {
        if (participant == null || participant.isEmpty()) {
            return Optional.of("participant is missing");
        }
        if (participant.length() > MAX_PARTICIPANT_LENGTH) {
            return Optional.of("participant is longer than " + MAX_PARTICIPANT_LENGTH + " characters");
        }
        if (!PARTICIPANT.matcher(participant).matches()) {
            return Optional.of("participant may hold only A-Z a-z 0-9 . _ : -");
        }
        // An identifier is also a URL path (/id/…): a dot segment there would name another path.
        if (participant.equals(".") || participant.equals("..")) {
            return Optional.of("participant may not be '.' or '..'");
        }
        return Optional.empty();
    }

    /** Whether {@code spacePrefix} can be the space prefix of an identifier. */
    public static Optional<String> spacePrefixProblem(String spacePrefix) {
        if (spacePrefix == null || spacePrefix.isEmpty()) {
            return Optional.of("space prefix is missing");
        }
        if (spacePrefix.length() > MAX_PREFIX_LENGTH) {
            return Optional.of("space prefix is longer than " + MAX_PREFIX_LENGTH + " characters");
        }
        if (!PREFIX.matcher(spacePrefix).matches()) {
            return Optional.of("space prefix may hold only a-z 0-9 . - and must start and end with a letter or digit");
        }
        return Optional.empty();
    }

    private static Optional<String> localIdRule(String localId) {
        if (localId == null || localId.isEmpty()) {
            return Optional.of("local id is missing");
        }
        if (localId.length() > MAX_LOCAL_ID_LENGTH) {
            return Optional.of("local id is longer than " + MAX_LOCAL_ID_LENGTH + " characters");
        }
        if (!LOCAL_ID.matcher(localId).matches()) {
            return Optional.of("local id may hold only A-Z a-z 0-9 . _ - and must start with a letter or digit");
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String spacePrefix, String participant, String localId, Integer version) {
        return spacePrefixProblem(spacePrefix)
                .or(() -> participantProblem(participant))
                .or(() -> localIdRule(localId))
                .or(() -> version != null && (version < 1 || version > MAX_VERSION)
                        ? Optional.of("version " + version + " is not from 1 to " + MAX_VERSION)
                        : Optional.empty());
    }

    /** The version, if this identifier names one. */
    public OptionalInt versionNumber() {
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    public boolean isVersioned() {
        return version != null;
    }

    /** The same resource without a version: what resolves to the current version. */
    public DataIdentifier unversioned() {
        return new DataIdentifier(spacePrefix, participant, localId, null);
    }

    /** The same resource at {@code newVersion}. */
    public DataIdentifier withVersion(int newVersion) {
        return new DataIdentifier(spacePrefix, participant, localId, newVersion);
    }

    /** {@code <prefix>/<participant>/<local id>[@version]}: the one text form. */
    public String format() {
        String base = spacePrefix + "/" + participant + "/" + localId;
        return version == null ? base : base + "@" + version;
    }

    @Override
    public String toString() {
        return format();
    }

    /** Whether both name the same resource, ignoring versions. */
    public boolean sameResourceAs(DataIdentifier other) {
        return Objects.equals(unversioned(), other.unversioned());
    }
}
