package io.trustspace.identity.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the operator reaches a participant: a contact person and at least one of a phone number (mainland mobile
 * {@code 1[3-9]} + 9 digits, or a landline {@code 0xx(x)-xxxxxxx(x)} with an optional extension, each optionally
 * after {@code +86}) and an e-mail address. {@code phone} and {@code email} are null when absent.
 *
 * <p>As request input the values are raw; after {@link #check} passes, {@link #normalised()} gives the stored form.
 */
public record Contact(String name, String phone, String email) {

    static final int MAX_NAME = 50;
    static final int MAX_EMAIL = 254;
    private static final Pattern PHONE =
            Pattern.compile("(?:\\+86[ -]?)?(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(?:-[0-9]{1,6})?)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");

    /**
     * The rules the contact breaks, fields named {@code contact.name}, {@code contact.phone}, {@code contact.email}.
     * {@code nameRequired} is false for individuals, who are their own contact.
     */
    public static List<FieldError> check(Contact contact, boolean nameRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (contact == null) {
            errors.add(new FieldError(
                    "contact", FieldError.REQUIRED, "give a contact with a phone number or an e-mail address"));
            return errors;
        }
        if (nameRequired || !Texts.isBlank(contact.name())) {
            errors.addAll(Texts.checkName("contact.name", contact.name(), MAX_NAME));
        }
        boolean noPhone = Texts.isBlank(contact.phone());
        boolean noEmail = Texts.isBlank(contact.email());
        if (noPhone && noEmail) {
            errors.add(
                    new FieldError("contact.phone", FieldError.REQUIRED, "give a phone number or an e-mail address"));
        }
        if (!noPhone && !PHONE.matcher(contact.phone().trim()).matches()) {
            errors.add(new FieldError(
                    "contact.phone",
                    FieldError.FORMAT,
                    "a phone number is a mainland mobile number (11 digits) or a landline with area code"));
        }
        if (!noEmail
                && (contact.email().trim().length() > MAX_EMAIL
                        || !EMAIL.matcher(contact.email().trim()).matches())) {
            errors.add(new FieldError("contact.email", FieldError.FORMAT, "not an e-mail address"));
        }
        return errors;
    }

    /** Trimmed values, blanks as null. Call after {@link #check} passed. */
    public Contact normalised() {
        return new Contact(Texts.trimToNull(name), Texts.trimToNull(phone), Texts.trimToNull(email));
    }
}
