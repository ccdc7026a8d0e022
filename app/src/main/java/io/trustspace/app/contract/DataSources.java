package io.trustspace.app.contract;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.common.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The sources this data plane serves from, checked when a provider registers an asset: a source it could never open
 * is a 400 to the provider then, not a failed pull for a consumer who paid for it later. Only the form is checked;
 * whether the file exists or the URL answers is the pull's business, since both change over time. Address types
 * this data plane does not serve are let through: the asset may be served by another data plane, and a pull here
 * answers 503 for them.
 */
public final class DataSources {

    private DataSources() {}

    /** {@code address}, if this data plane could open its source; INVALID with the reason otherwise. */
    public static Result<DataAddress> check(DataAddress address) {
        String type = address.type();
        String endpoint = address.endpoint();
        if (type.equalsIgnoreCase("File")) {
            try {
                Path.of(endpoint);
            } catch (InvalidPathException e) {
                return Result.invalid("dataAddress.endpoint is not a file path here: " + e.getReason());
            }
        } else if (type.equalsIgnoreCase("HttpData")) {
            try {
                URI uri = new URI(endpoint);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    return Result.invalid("dataAddress.endpoint of an HttpData source is an absolute http(s) URL"
                            + " with a host, not '" + endpoint + "'");
                }
            } catch (URISyntaxException e) {
                return Result.invalid("dataAddress.endpoint is not a URL: " + e.getMessage());
            }
        } else if (type.equalsIgnoreCase(QuerySource.TYPE)) {
            String problem = QuerySource.problem(endpoint, address.properties());
            if (problem != null) {
                return Result.invalid("dataAddress: " + problem);
            }
        }
        return Result.ok(address);
    }
}
