package io.trustspace.contract.message;

import java.util.Objects;

/** One {@code endpointProperties} entry of a {@link DataAddress}: a name and a string value (e.g. a token). */
public record EndpointProperty(String name, String value) {

    public EndpointProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The Eclipse EDC namespace, in which EDC names its endpoint properties (e.g. {@code …/ns/authorization}). */
    public static final String EDC_NS = "https://w3id.org/edc/v0.0.1/ns/";

    /** Whether this property is {@code term}, spelled bare, as {@code edc:term} or as the full EDC IRI. */
    public boolean named(String term) {
        String local = name.startsWith(EDC_NS)
                ? name.substring(EDC_NS.length())
                : name.startsWith("edc:") ? name.substring("edc:".length()) : name;
        return local.equalsIgnoreCase(term);
    }

    /** Hides the value, which is often a credential. */
    @Override
    public String toString() {
        return "EndpointProperty[" + name + "=***]";
    }
}
