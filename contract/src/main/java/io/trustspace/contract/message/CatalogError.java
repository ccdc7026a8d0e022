package io.trustspace.contract.message;

import java.util.List;

/** {@code CatalogError}: the body of a non-2xx on a catalog endpoint (e.g. an unknown dataset). */
public record CatalogError(String code, List<String> reason) implements DspMessage {

    public CatalogError {
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "CatalogError";
    }
}
