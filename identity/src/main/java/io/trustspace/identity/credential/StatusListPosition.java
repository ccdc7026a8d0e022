package io.trustspace.identity.credential;

import java.util.regex.Pattern;

/**
 * Where a credential's status lives in the issuer's own store: list {@code listId}, bit {@code index} (the same index
 * in the revocation and the suspension list). Immutable and thread-safe.
 *
 * @param listId 1 to 64 letters, digits, {@code _} and {@code -}; it becomes a path segment of the list URLs
 */
public record StatusListPosition(String listId, int index) {

    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public StatusListPosition {
        if (listId == null || !LIST_ID.matcher(listId).matches()) {
            throw new IllegalArgumentException(
                    "list id " + DidUrl.quote(listId) + " must be 1 to 64 letters, digits, '_' or '-'");
        }
        if (index < 0) {
            throw new IllegalArgumentException("status list index must not be negative");
        }
    }

    static boolean isListId(String text) {
        return text != null && LIST_ID.matcher(text).matches();
    }
}
