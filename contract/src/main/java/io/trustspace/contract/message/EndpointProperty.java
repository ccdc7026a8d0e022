package io.trustspace.contract.message;

import java.util.Objects;

/** One {@code endpointProperties} entry of a {@link DataAddress}: a name and a string value (e.g. a token). */
public record EndpointProperty(String name, String value) {

    public EndpointProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Hides the value, which is often a credential. */
    @Override
    public String toString() {
        return "EndpointProperty[" + name + "=***]";
    }
}
