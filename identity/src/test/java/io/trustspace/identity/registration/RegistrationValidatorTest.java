package io.trustspace.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.json.CanonicalJson;
import io.trustspace.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationValidatorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
    static final IdNumberHasher HASHER = new IdNumberHasher(SuiteId.INTL, new byte[32]);

    private final RegistrationValidator validator = new RegistrationValidator(HASHER, CLOCK);

    static RegistrationRequest.Organisation organisation() {
        return new RegistrationRequest.Organisation(
                "北京星河数据科技有限公司",
                "91110105MA01C3D718",
                "张伟",
                new Contact("王芳", "13800138000", "wangfang@example.cn"),
                "I6510",
                "110105");
    }

    @Test
    void validOrganisation_becomesDetails() {
        RegistrationDetails.Organisation details = (RegistrationDetails.Organisation) valid(organisation());

        assertThat(details.legalName()).isEqualTo("北京星河数据科技有限公司");
        assertThat(details.uscc().value()).isEqualTo("91110105MA01C3D718");
        assertThat(details.industry().toString()).isEqualTo("I6510");
        assertThat(details.region().value()).isEqualTo("110105");
        assertThat(details.creditCode()).contains(details.uscc());
        assertThat(details.idNumberHash()).isEmpty();
    }

    @Test
    void valuesAreTrimmed_andBlankContactFieldsDropped() {
        RegistrationRequest.Organisation padded = new RegistrationRequest.Organisation(
                " 北京星河数据科技有限公司 ",
                " 91110105ma01c3d718 ",
                " 张伟 ",
                new Contact(" 王芳 ", " ", "wangfang@example.cn "),
                "6510",
                " 110105 ");

        RegistrationDetails.Organisation details = (RegistrationDetails.Organisation) valid(padded);

        assertThat(details.legalName()).isEqualTo("北京星河数据科技有限公司");
        assertThat(details.uscc().value()).isEqualTo("91110105MA01C3D718");
        assertThat(details.contact()).isEqualTo(new Contact("王芳", null, "wangfang@example.cn"));
        assertThat(details.industry().toString()).as("section derived").isEqualTo("I6510");
    }

    @Test
    void everyBrokenField_isReportedAtOnce_inTheOrderOfTheForm() {
        RegistrationRequest.Organisation bad = new RegistrationRequest.Organisation(
                "Star River Data Ltd", "91110105MA01C3D71A", "", new Contact("", "12345", "not-mail"), "Z99", "990000");

        List<FieldError> errors = ((Validation.Invalid) validator.validate(bad)).errors();

        assertThat(errors)
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", FieldError.CHINESE_NAME),
                        org.assertj.core.groups.Tuple.tuple("uscc", FieldError.CHECK_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("legalRepresentative", FieldError.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("contact.name", FieldError.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("contact.phone", FieldError.FORMAT),
                        org.assertj.core.groups.Tuple.tuple("contact.email", FieldError.FORMAT),
                        org.assertj.core.groups.Tuple.tuple("industry", FieldError.FORMAT),
                        org.assertj.core.groups.Tuple.tuple("region", FieldError.DIVISION_CODE));
        assertThat(validator.validate(bad)).isEqualTo(validator.validate(bad));
    }

    @Test
    void missingEverything_isReportedFieldByField() {
        Validation validation =
                validator.validate(new RegistrationRequest.Organisation(null, null, null, null, null, null));

        assertThat(((Validation.Invalid) validation).errors())
                .extracting(FieldError::field)
                .containsExactly("name", "uscc", "legalRepresentative", "contact", "industry", "region");
        assertThat(((Validation.Invalid) validation).describe()).startsWith("name [required]");
    }

    @Test
    void contact_needsAPhoneOrAnEmail() {
        RegistrationRequest.Organisation noChannel = withContact(new Contact("王芳", null, " "));
        assertThat(errors(noChannel)).containsExactly("contact.phone:required");

        assertThat(errors(withContact(new Contact("王芳", "010-62345678", null)))).isEmpty();
        assertThat(errors(withContact(new Contact("王芳", "+86 13912345678", null))))
                .isEmpty();
        assertThat(errors(withContact(new Contact("王芳", "0755-2345678-123", null))))
                .isEmpty();
        assertThat(errors(withContact(new Contact("王芳", "12812345678", null)))).containsExactly("contact.phone:format");
        assertThat(errors(withContact(new Contact("王芳", null, "a@b")))).containsExactly("contact.email:format");
    }

    @Test
    void names_refuseControlCharactersAndExcessLength() {
        RegistrationRequest.Organisation hidden = new RegistrationRequest.Organisation(
                "北京星河\u202E数据科技有限公司",
                "91110105MA01C3D718",
                "张\u0000伟",
                organisation().contact(),
                "I",
                "110105");
        assertThat(errors(hidden)).containsExactly("name:charset", "legalRepresentative:charset");

        String longName = "数".repeat(RegistrationValidator.MAX_NAME + 1);
        assertThat(errors(withName(longName))).containsExactly("name:length");
        assertThat(errors(withName("数".repeat(RegistrationValidator.MAX_NAME)))).isEmpty();
    }

    @Test
    void industryCodes_followGbT4754() {
        for (String good : List.of("A", "T", "01", "013", "0111", "I65", "I6510", "c3911", "97")) {
            assertThat(errors(withIndustry(good))).as(good).isEmpty();
        }
        for (String shape : List.of("U", "00", "98", "I65101", "6", "II")) {
            assertThat(errors(withIndustry(shape))).as(shape).containsExactly("industry:format");
        }
        assertThat(errors(withIndustry("C6510"))).containsExactly("industry:industry-section");
        assertThat(IndustryCode.parse("3911").orElseThrow().toString()).isEqualTo("C3911");
        assertThat(IndustryCode.parse("J66").orElseThrow().section()).isEqualTo('J');
    }

    @Test
    void region_mustBeAProvinceLevelOrLowerDivision() {
        assertThat(errors(withRegion("440305"))).isEmpty();
        assertThat(errors(withRegion("100000"))).as("national is not a region").containsExactly("region:division-code");
        assertThat(errors(withRegion("11010"))).containsExactly("region:division-code");
    }

    @Test
    void validIndividual_keepsOnlyTheHashAndTheMaskedNumber() {
        String number = "110105199003071239";
        RegistrationRequest.Individual request =
                new RegistrationRequest.Individual("李娜", number, new Contact(null, "13912345678", null));

        RegistrationDetails.Individual details = (RegistrationDetails.Individual) valid(request);

        assertThat(details.idMasked()).isEqualTo("110105********1239");
        assertThat(details.idHash())
                .isEqualTo(HASHER.hash(
                        ResidentIdNumber.parse(number, validator.today()).orElseThrow()));
        assertThat(details.contact().name()).as("own contact").isEqualTo("李娜");
        String stored = new String(CanonicalJson.canonicalize(details.toJson()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(number).doesNotContain("19900307");
        assertThat(details.toString()).doesNotContain(number);
        assertThat(request.toString()).doesNotContain(number).contains("110105********1239");
    }

    @Test
    void invalidIndividual_reportsEveryField() {
        RegistrationRequest.Individual request =
                new RegistrationRequest.Individual("", "110105199902301237", new Contact(null, null, null));

        assertThat(errors(request)).containsExactly("name:required", "idNumber:birth-date", "contact.phone:required");
        assertThat(((Validation.Invalid) validator.validate(request)).describe())
                .doesNotContain("110105199902301237");
    }

    static RegistrationRequest.ServiceProvider serviceProvider(
            String type, List<String> capabilities, List<String> endpoints) {
        return new RegistrationRequest.ServiceProvider(organisation(), type, capabilities, endpoints);
    }

    @Test
    void validServiceProvider_byCodeOrChineseLabel() {
        RegistrationDetails.ServiceProvider byCode = (RegistrationDetails.ServiceProvider) valid(serviceProvider(
                "custody",
                List.of("对象存储托管", "密钥托管"),
                List.of("https://custody.example.cn/api", "http://127.0.0.1:8080/")));
        RegistrationDetails.ServiceProvider byLabel = (RegistrationDetails.ServiceProvider)
                valid(serviceProvider("合规审查", List.of("出境合规评估"), List.of("https://[2001:db8::1]/review")));

        assertThat(byCode.type()).isEqualTo(ServiceProviderType.CUSTODY);
        assertThat(byCode.endpoints())
                .extracting(Endpoint::toString)
                .containsExactly("https://custody.example.cn/api", "http://127.0.0.1:8080/");
        assertThat(byLabel.type()).isEqualTo(ServiceProviderType.COMPLIANCE_REVIEW);
        assertThat(byLabel.creditCode())
                .hasValueSatisfying(code -> assertThat(code.value()).isEqualTo("91110105MA01C3D718"));
        assertThat(byLabel.kind()).isEqualTo(ParticipantKind.SERVICE_PROVIDER);
    }

    @Test
    void serviceProviderTypes_haveTheirCodesAndLabels() {
        assertThat(Arrays.stream(ServiceProviderType.values()).map(t -> t.name() + "=" + t.label()))
                .containsExactly(
                        "DEVELOPMENT=数据开发",
                        "BROKERAGE=数据经纪",
                        "CUSTODY=数据托管",
                        "AUDIT_CLEARING=审计清算",
                        "COMPLIANCE_REVIEW=合规审查");
    }

    @Test
    void serviceProviderErrors_nameTheEntry() {
        RegistrationRequest.ServiceProvider bad = serviceProvider(
                "数据挖掘",
                Arrays.asList("数据清洗", " ", "数据清洗"),
                List.of(
                        "http://provider.example.cn/api",
                        "ftp://provider.example.cn/",
                        "https://user:pw@provider.example.cn/",
                        "https://provider.example.cn/#top",
                        "/relative",
                        "https://provider.example.cn/api",
                        "https://provider.example.cn/api",
                        "http://localhost:9000/",
                        "http://127.1.2.3/",
                        "http://[::1]:8080/"));

        assertThat(errors(bad))
                .containsExactly(
                        "serviceType:unknown-value",
                        "capabilities[1]:required",
                        "capabilities[2]:duplicate",
                        "endpoints[0]:https-required",
                        "endpoints[1]:url-format",
                        "endpoints[2]:url-format",
                        "endpoints[3]:url-format",
                        "endpoints[4]:url-format",
                        "endpoints[6]:duplicate");
    }

    @Test
    void serviceProviderLists_areRequiredAndBounded() {
        assertThat(errors(serviceProvider("BROKERAGE", List.of(), null)))
                .containsExactly("capabilities:required", "endpoints:required");
        assertThat(errors(serviceProvider(
                        "BROKERAGE",
                        Collections.nCopies(RegistrationValidator.MAX_CAPABILITIES + 1, "x"),
                        Collections.nCopies(RegistrationValidator.MAX_ENDPOINTS + 1, "https://a.example/"))))
                .containsExactly("capabilities:too-many", "endpoints:too-many");
        assertThat(errors(new RegistrationRequest.ServiceProvider(
                        null, null, List.of("x"), List.of("https://a.example/"))))
                .containsExactly("organisation:required", "serviceType:required");
    }

    @Test
    void serviceProviderOrganisationErrors_comeFirst_underTheOrganisationsFieldNames() {
        RegistrationRequest.Organisation org = new RegistrationRequest.Organisation(
                "北京星河数据科技有限公司", "91110105MA01C3D719", "张伟", organisation().contact(), "I", "110105");

        assertThat(errors(
                        new RegistrationRequest.ServiceProvider(org, "X", List.of("x"), List.of("https://a.example/"))))
                .containsExactly("uscc:check-character", "serviceType:unknown-value");
    }

    @Test
    void storedDetails_readBackEqual() {
        for (RegistrationRequest request : List.of(
                organisation(),
                new RegistrationRequest.Individual(
                        "李娜", "110105199003071239", new Contact(null, null, "lina@example.cn")),
                serviceProvider("AUDIT_CLEARING", List.of("清结算"), List.of("https://audit.example.cn/")))) {
            RegistrationDetails details = valid(request);
            byte[] stored = CanonicalJson.canonicalize(details.toJson()).orElseThrow();

            assertThat(CanonicalJson.parse(stored)
                            .flatMap(RegistrationDetails::fromJson)
                            .orElseThrow())
                    .isEqualTo(details);
        }
    }

    @Test
    void alteredStoredDetails_areRefused() {
        String altered = "{\"kind\":\"ORGANISATION\",\"name\":\"x\",\"uscc\":\"91110105MA01C3D719\","
                + "\"legalRepresentative\":\"张伟\",\"contact\":{\"name\":\"王芳\"},\"industry\":\"I\",\"region\":\"110105\"}";

        assertThat(CanonicalJson.parse(altered)
                        .flatMap(RegistrationDetails::fromJson)
                        .isOk())
                .isFalse();
    }

    private RegistrationDetails valid(RegistrationRequest request) {
        Validation validation = validator.validate(request);
        assertThat(validation).as(validation.toString()).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) validation).details();
    }

    private List<String> errors(RegistrationRequest request) {
        Validation validation = validator.validate(request);
        if (validation instanceof Validation.Invalid invalid) {
            return invalid.errors().stream()
                    .map(e -> e.field() + ":" + e.rule())
                    .toList();
        }
        return List.of();
    }

    private static RegistrationRequest.Organisation withContact(Contact contact) {
        RegistrationRequest.Organisation o = organisation();
        return new RegistrationRequest.Organisation(
                o.name(), o.uscc(), o.legalRepresentative(), contact, o.industry(), o.region());
    }

    private static RegistrationRequest.Organisation withName(String name) {
        RegistrationRequest.Organisation o = organisation();
        return new RegistrationRequest.Organisation(
                name, o.uscc(), o.legalRepresentative(), o.contact(), o.industry(), o.region());
    }

    private static RegistrationRequest.Organisation withIndustry(String industry) {
        RegistrationRequest.Organisation o = organisation();
        return new RegistrationRequest.Organisation(
                o.name(), o.uscc(), o.legalRepresentative(), o.contact(), industry, o.region());
    }

    private static RegistrationRequest.Organisation withRegion(String region) {
        RegistrationRequest.Organisation o = organisation();
        return new RegistrationRequest.Organisation(
                o.name(), o.uscc(), o.legalRepresentative(), o.contact(), o.industry(), region);
    }
}
