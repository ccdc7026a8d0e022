package io.trustspace.catalog.resource;

import java.util.Optional;

/**
 * A text in Chinese ({@code @language "zh"}) and English ({@code @language "en"}), as DCAT language-tagged
 * literals. Either may be missing while a resource is a draft; admission requires both. Blank is treated as missing.
 * Immutable.
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        zh = blankToNull(zh);
        en = blankToNull(en);
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    public Optional<String> chinese() {
        return Optional.ofNullable(zh);
    }

    public Optional<String> english() {
        return Optional.ofNullable(en);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
