package io.trustspace.contract.message;

import java.util.List;
import java.util.Objects;

/**
 * Where data is fetched from (pull: the provider's endpoint in a {@link TransferStartMessage}) or pushed to (push:
 * the consumer's sink in a {@link TransferRequestMessage}). {@code endpointType} is an IRI, e.g.
 * {@code https://w3id.org/idsa/v4.1/HTTP}. Immutable.
 */
public record DataAddress(String endpointType, String endpoint, List<EndpointProperty> endpointProperties) {

    public DataAddress {
        Objects.requireNonNull(endpointType, "endpointType");
        Objects.requireNonNull(endpoint, "endpoint");
        endpointProperties = List.copyOf(endpointProperties);
    }

    public static DataAddress of(String endpointType, String endpoint) {
        return new DataAddress(endpointType, endpoint, List.of());
    }

    /** Hides endpoint property values, which are often credentials. */
    @Override
    public String toString() {
        return "DataAddress[" + endpointType + " " + endpoint + " " + endpointProperties + "]";
    }
}
