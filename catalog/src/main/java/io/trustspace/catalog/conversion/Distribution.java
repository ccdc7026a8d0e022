package io.trustspace.catalog.conversion;

import java.util.Objects;

/**
 * One way to get a dataset.
 *
 * @param accessUrl where the data can be accessed, never blank
 * @param format a media type ({@code text/csv}) or format name ({@code CSV}), or {@code null}
 */
public record Distribution(String accessUrl, String format) {

    public Distribution {
        Objects.requireNonNull(accessUrl, "accessUrl");
        if (accessUrl.isBlank()) {
            throw new IllegalArgumentException("accessUrl is blank");
        }
        format = format == null || format.isBlank() ? null : format;
    }
}
