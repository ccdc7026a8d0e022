package io.trustspace.identity.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a data service provider (数据服务方) offers in the space, as the data-space plan lists the service types.
 * Stored and exchanged by {@link #name()}; {@link #label()} is for people.
 */
public enum ServiceProviderType {
    DEVELOPMENT("数据开发"),
    BROKERAGE("数据经纪"),
    CUSTODY("数据托管"),
    AUDIT_CLEARING("审计清算"),
    COMPLIANCE_REVIEW("合规审查");

    private final String label;

    ServiceProviderType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type named by its code (case-insensitive) or its Chinese label, or empty. */
    public static Optional<ServiceProviderType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return Arrays.stream(values())
                .filter(type -> type.name().equals(trimmed.toUpperCase(Locale.ROOT)) || type.label.equals(trimmed))
                .findFirst();
    }
}
