package io.trustspace.contract.message;

import java.util.Objects;

/**
 * A message one of our aggregates wants sent: POST {@link DspCodec#write(DspMessage) the JSON-LD of} {@code message}
 * to {@code target}, the counterparty's address plus the DSP path (e.g.
 * {@code https://peer/api/dsp/2025-1/negotiations/{consumerPid}/offers}).
 */
public record OutgoingMessage(String target, DspMessage message) {

    public OutgoingMessage {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
    }

    /** {@code address} without trailing slashes, then {@code path} (which starts with a slash). */
    public static OutgoingMessage to(String address, String path, DspMessage message) {
        String base = address;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new OutgoingMessage(base + path, message);
    }
}
