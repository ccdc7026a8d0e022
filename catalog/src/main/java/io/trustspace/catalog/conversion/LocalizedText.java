package io.trustspace.catalog.conversion;

/**
 * A text in Chinese and/or English; either language may be absent ({@code null}). Blank strings are stored as
 * {@code null} so that "absent" has one representation. Immutable and thread-safe.
 */
public record LocalizedText(String zh, String en) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null);

    public LocalizedText {
        zh = blankToNull(zh);
        en = blankToNull(en);
    }

    /** Places an untagged text by script: any CJK ideograph makes it Chinese, otherwise English. */
    public static LocalizedText guess(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return containsCjk(text) ? new LocalizedText(text, null) : new LocalizedText(null, text);
    }

    public boolean isEmpty() {
        return zh == null && en == null;
    }

    /** This text with the languages of {@code other} filled in where this one has none. */
    public LocalizedText orElse(LocalizedText other) {
        return new LocalizedText(zh != null ? zh : other.zh, en != null ? en : other.en);
    }

    static boolean containsCjk(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
