package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.Distribution;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A distribution as an imported description names it: where it can be fetched ({@code dcat:accessURL} or a CKAN
 * resource {@code url}) and the catalog {@link Distribution} (format, media type, access method; any may be
 * {@code null} in an import). The URL is what the source published, not a TrustSpace data address: the catalog does
 * not carry it into {@link io.trustspace.catalog.resource.ResourceMetadata}. Immutable.
 *
 * @param accessUrl where the data can be accessed, never blank
 * @param distribution format, media type and access method, never {@code null}
 */
public record DistributionLink(String accessUrl, Distribution distribution) {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[A-Za-z0-9.+-]+");

    public DistributionLink {
        Objects.requireNonNull(accessUrl, "accessUrl");
        Objects.requireNonNull(distribution, "distribution");
        if (accessUrl.isBlank()) {
            throw new IllegalArgumentException("accessUrl is blank");
        }
    }

    /**
     * A link whose {@code formatOrMediaType} is placed by shape: {@code type/subtype} is a media type, anything else
     * a format name; blank is neither.
     */
    public static DistributionLink of(String accessUrl, String formatOrMediaType) {
        String value = formatOrMediaType == null || formatOrMediaType.isBlank() ? null : formatOrMediaType;
        boolean mediaType = value != null && isMediaType(value);
        return new DistributionLink(
                accessUrl, new Distribution(mediaType ? null : value, mediaType ? value : null, null));
    }

    /** The format name, else the media type; {@code null} if neither is known. */
    public String formatOrMediaType() {
        return distribution.format() != null ? distribution.format() : distribution.mediaType();
    }

    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches();
    }
}
