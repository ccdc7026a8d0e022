package io.trustspace.identity.registration;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GB 32100-2015 position 1 (登记管理部门代码) with the organisation types (机构类别代码, position 2) each authority
 * assigns, as published with the standard and its 2016 amendment (the authorities 2, 3, 4, 6, 7, 8, A and N were
 * added to the original 1, 5, 9 and Y). {@code 9} is the former 工商 authority, now 市场监管.
 *
 * <p>Immutable and thread-safe.
 */
public enum RegistrationAuthority {
    ESTABLISHMENT('1', "机构编制", types("1", "机关", "2", "事业单位", "3", "中央编办直接管理机构编制的群众团体", "9", "其他")),
    FOREIGN_AFFAIRS('2', "外交", types("1", "外国常驻新闻机构", "9", "其他")),
    JUSTICE('3', "司法行政", types("1", "律师执业机构", "2", "公证处", "3", "基层法律服务所", "4", "司法鉴定机构", "5", "仲裁委员会", "9", "其他")),
    CULTURE('4', "文化", types("1", "外国在华文化中心", "9", "其他")),
    CIVIL_AFFAIRS('5', "民政", types("1", "社会团体", "2", "民办非企业单位", "3", "基金会", "9", "其他")),
    TOURISM('6', "旅游", types("1", "外国旅游部门常驻代表机构", "2", "港澳台地区旅游部门常驻内地（大陆）代表机构", "9", "其他")),
    RELIGION('7', "宗教", types("1", "宗教活动场所", "2", "宗教院校", "9", "其他")),
    TRADE_UNION('8', "工会", types("1", "基层工会", "9", "其他")),
    MARKET_REGULATION('9', "工商（市场监管）", types("1", "企业", "2", "个体工商户", "3", "农民专业合作社")),
    MILITARY_ESTABLISHMENT('A', "中央军委改革和编制办公室", types("1", "军队事业单位", "9", "其他")),
    AGRICULTURE('N', "农业", types("1", "组级集体经济组织", "2", "村级集体经济组织", "3", "乡镇级集体经济组织", "9", "其他")),
    OTHER('Y', "其他", types("1", "其他"));

    private final char code;
    private final String label;
    private final Map<Character, String> organisationTypes;

    RegistrationAuthority(char code, String label, Map<Character, String> organisationTypes) {
        this.code = code;
        this.label = label;
        this.organisationTypes = organisationTypes;
    }

    public char code() {
        return code;
    }

    /** The authority's Chinese name as the standard's table gives it. */
    public String label() {
        return label;
    }

    /** Organisation type code → Chinese label, in the table's order. */
    public Map<Character, String> organisationTypes() {
        return organisationTypes;
    }

    /** The label of an organisation type this authority assigns, or empty if it assigns no such type. */
    public Optional<String> organisationType(char typeCode) {
        return Optional.ofNullable(organisationTypes.get(typeCode));
    }

    public static Optional<RegistrationAuthority> of(char code) {
        return Arrays.stream(values()).filter(a -> a.code == code).findFirst();
    }

    private static Map<Character, String> types(String... codeAndLabel) {
        Map<Character, String> types = new LinkedHashMap<>();
        for (int i = 0; i < codeAndLabel.length; i += 2) {
            types.put(codeAndLabel[i].charAt(0), codeAndLabel[i + 1]);
        }
        return Collections.unmodifiableMap(types);
    }
}
