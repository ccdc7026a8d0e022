package io.trustspace.identity.participant;

import io.trustspace.common.Result;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A participant's id in the space: {@code urn:trustspace:participant:<uuid>} (lower-case canonical UUID). It is
 * the subject of the participant's evidence records and, later, of its DID and credentials. Immutable.
 */
public record ParticipantId(String value) {

    public static final String PREFIX = "urn:trustspace:participant:";

    private static final Pattern SHAPE =
            Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a participant id (" + PREFIX + "<uuid>): " + value);
        }
    }

    public static ParticipantId of(UUID uuid) {
        return new ParticipantId(PREFIX + uuid);
    }

    /** The id in {@code text}, or an INVALID failure (for ids that arrive from outside, e.g. in a URL). */
    public static Result<ParticipantId> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Result.invalid("not a participant id (" + PREFIX + "<uuid, lower case>)");
        }
        return Result.ok(new ParticipantId(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
