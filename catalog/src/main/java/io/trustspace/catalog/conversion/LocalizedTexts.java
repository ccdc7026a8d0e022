package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.LocalizedText;

/** What importers need beyond {@link LocalizedText}: placing untagged text by script, and merging. */
final class LocalizedTexts {

    static final LocalizedText EMPTY = new LocalizedText(null, null);

    private LocalizedTexts() {}

    /** Places an untagged text by script: any CJK ideograph makes it Chinese, otherwise English. */
    static LocalizedText guess(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return containsCjk(text) ? new LocalizedText(text, null) : new LocalizedText(null, text);
    }

    static boolean isEmpty(LocalizedText text) {
        return text == null || (text.zh() == null && text.en() == null);
    }

    /** {@code text} with the languages of {@code other} filled in where it has none. */
    static LocalizedText orElse(LocalizedText text, LocalizedText other) {
        return new LocalizedText(
                text.zh() != null ? text.zh() : other.zh(), text.en() != null ? text.en() : other.en());
    }

    static boolean containsCjk(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
