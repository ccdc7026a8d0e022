package io.trustspace.catalog.conversion;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a field means, as recognised from its name (and, for phone and id numbers, its values). A tag that
 * {@link #personalInformation()} marks the field as a candidate for personal information (个人信息) under PIPL, to be
 * confirmed by a reviewer; {@link #sensitive()} marks sensitive personal information (敏感个人信息, PIPL art. 28).
 */
public enum SemanticTag {
    LONGITUDE(false, false, "经度", "longitude", "lng", "lon"),
    LATITUDE(false, false, "纬度", "latitude", "lat"),
    TIME(false, false, "时间", "日期", "time", "date", "timestamp"),
    PHONE_NUMBER(true, false, "手机号", "手机", "电话", "联系方式", "phone", "mobile", "tel"),
    ID_NUMBER(true, true, "身份证", "证件号", "id number", "id_number", "idcard", "id card", "identity"),
    PERSON_NAME(true, false, "姓名", "name of person", "full name", "full_name"),
    EMAIL(true, false, "邮箱", "电子邮件", "email", "e-mail"),
    ADDRESS(true, false, "住址", "家庭地址", "address"),
    LICENSE_PLATE(true, false, "车牌", "license plate", "plate number", "plate_no");

    private final boolean personalInformation;
    private final boolean sensitive;
    private final String[] hints;

    SemanticTag(boolean personalInformation, boolean sensitive, String... hints) {
        this.personalInformation = personalInformation;
        this.sensitive = sensitive;
        this.hints = hints;
    }

    public boolean personalInformation() {
        return personalInformation;
    }

    public boolean sensitive() {
        return sensitive;
    }

    /** The tag as written in exports: the lower-case constant name, e.g. {@code phone_number}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag as an IRI in the catalog vocabulary, e.g. {@code https://trustspace.io/ns/catalog#phone_number}. */
    public String iri() {
        return CatalogVocabulary.TS + term();
    }

    public static Optional<SemanticTag> of(String term) {
        return Arrays.stream(values()).filter(tag -> tag.term().equals(term)).findFirst();
    }

    /**
     * The tag a column header suggests. Personal-information tags win over the others ("用户手机号" is a phone
     * number, not a time), and Latin hints must match whole words, camelCase split ("lat" matches "lat" and "startTime" matches "time",
     * but "plate" and "template" match nothing).
     */
    public static Optional<SemanticTag> fromHeader(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        // startTime, user_phone, lat2 → " start time ", " user phone ", " lat 2 "
        String words = " "
                + header.replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .replaceAll("([a-z])([0-9])", "$1 $2")
                + " ";
        for (boolean personal : new boolean[] {true, false}) {
            for (SemanticTag tag : values()) {
                if (tag.personalInformation != personal) {
                    continue;
                }
                for (String hint : tag.hints) {
                    boolean latin = hint.chars().allMatch(c -> c < 0x80);
                    if (latin
                            ? words.contains(" " + hint.replace('_', ' ') + " ") || lower.equals(hint)
                            : lower.contains(hint)) {
                        return Optional.of(tag);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
