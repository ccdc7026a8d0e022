package io.trustspace.identity.registration;

import java.util.ArrayList;
import java.util.List;

/** The checks every free-text field of a registration shares: present, bounded, printable. */
final class Texts {

    private Texts() {}

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String trimToNull(String text) {
        return isBlank(text) ? null : text.trim();
    }

    /**
     * A required name of 1 to {@code max} characters (code points, after trimming) with no control or format
     * characters, which could hide text from a reviewer or break a log line.
     */
    static List<FieldError> checkName(String field, String text, int max) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(text)) {
            errors.add(new FieldError(field, FieldError.REQUIRED, "must not be empty"));
            return errors;
        }
        String trimmed = text.trim();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > max) {
            errors.add(new FieldError(field, FieldError.LENGTH, "at most " + max + " characters, not " + length));
        }
        if (trimmed.codePoints().anyMatch(Texts::isHidden)) {
            errors.add(new FieldError(field, FieldError.CHARSET, "must not contain control or formatting characters"));
        }
        return errors;
    }

    /** {@link #checkName} plus: the name holds at least one Chinese (Han) character. */
    static List<FieldError> checkChineseName(String field, String text, int max) {
        List<FieldError> errors = checkName(field, text, max);
        if (!isBlank(text)
                && text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            errors.add(new FieldError(field, FieldError.CHINESE_NAME, "give the registered Chinese name"));
        }
        return errors;
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
