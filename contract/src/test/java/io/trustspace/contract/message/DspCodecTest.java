package io.trustspace.contract.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DspCodecTest {

    static JsonNode json(String text) {
        return CanonicalJson.parse(text).orElseThrow();
    }

    static JsonNode resource(String name) {
        try (InputStream in = DspCodecTest.class.getResourceAsStream("/dsp/" + name)) {
            return json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String reason(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure, got %s", result).isFalse();
        Result.Failure<?> failure = (Result.Failure<?>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        return failure.reason();
    }

    // ---- what the TCK sends ----

    @Test
    void readsEveryMessageTheTckSends() {
        JsonNode messages = resource("tck-messages.json");
        Map<String, Class<? extends DspMessage>> types = Map.ofEntries(
                Map.entry("catalogRequest", CatalogRequestMessage.class),
                Map.entry("contractRequestInitial", ContractRequestMessage.class),
                Map.entry("contractRequestCounterOffer", ContractRequestMessage.class),
                Map.entry("eventAccepted", ContractNegotiationEventMessage.class),
                Map.entry("verification", ContractAgreementVerificationMessage.class),
                Map.entry("termination", ContractNegotiationTerminationMessage.class),
                Map.entry("offer", ContractOfferMessage.class),
                Map.entry("agreement", ContractAgreementMessage.class),
                Map.entry("eventFinalized", ContractNegotiationEventMessage.class),
                Map.entry("transferRequest", TransferRequestMessage.class),
                Map.entry("transferStartResume", TransferStartMessage.class),
                Map.entry("transferSuspension", TransferSuspensionMessage.class),
                Map.entry("transferCompletion", TransferCompletionMessage.class),
                Map.entry("transferStart", TransferStartMessage.class));
        assertThat(messages.propertyNames())
                .filteredOn(name -> !name.startsWith("_"))
                .hasSize(types.size());
        types.forEach((name, type) -> {
            Result<? extends DspMessage> typed = DspCodec.read(messages.get(name), type);
            assertThat(typed.isOk()).as("%s: %s", name, typed).isTrue();
            assertThat(DspCodec.read(messages.get(name)).orElseThrow()).isEqualTo(typed.orElseThrow());
        });
    }

    @Test
    void initialRequest_fromTheTck_hasItsFields() {
        ContractRequestMessage request = DspCodec.read(
                        resource("tck-messages.json").get("contractRequestInitial"), ContractRequestMessage.class)
                .orElseThrow();
        assertThat(request.consumerPid()).isEqualTo("urn:uuid:tck-consumer-pid");
        assertThat(request.providerPid()).isNull();
        assertThat(request.callbackAddress()).isEqualTo("http://127.0.0.1:8083");
        assertThat(request.offer().id()).isEqualTo("CD123:ACN0101:456");
        assertThat(request.offer().target()).isEqualTo("ACN0101");
        assertThat(request.offer().policy()).isEqualTo(json("{\"permission\":[{\"action\":\"use\"}]}"));
        assertThat(request.isCounterOffer()).isFalse();
    }

    @Test
    void agreement_fromTheTck_keepsItsNanosecondTimestampToTheMillisecond() {
        ContractAgreementMessage message = DspCodec.read(
                        resource("tck-messages.json").get("agreement"), ContractAgreementMessage.class)
                .orElseThrow();
        assertThat(message.agreement().timestamp()).isEqualTo(Instant.parse("2026-11-28T06:28:58.172Z"));
        assertThat(message.agreement().assignee()).isEqualTo("CONNECTOR_UNDER_TEST");
    }

    @Test
    void transferStart_fromTheTck_carriesTheDataAddress() {
        TransferStartMessage start = DspCodec.read(
                        resource("tck-messages.json").get("transferStart"), TransferStartMessage.class)
                .orElseThrow();
        assertThat(start.dataAddress())
                .isEqualTo(DataAddress.of("https://w3id.org/idsa/v4.1/HTTP", "http://example.com"));
    }

    // ---- tolerance: EDC's spellings ----

    @Test
    void prefixedAndIriTerms_areRead() {
        String body = "{\"@context\":{\"dspace\":\"https://w3id.org/dspace/2025/1/\"},"
                + "\"@type\":[\"dspace:ContractNegotiationEventMessage\"],"
                + "\"dspace:providerPid\":\"p-1\","
                + "\"https://w3id.org/dspace/2025/1/consumerPid\":{\"@id\":\"c-1\"},"
                + "\"dspace:eventType\":{\"@id\":\"https://w3id.org/dspace/2025/1/ACCEPTED\"}}";
        assertThat(DspCodec.read(json(body), ContractNegotiationEventMessage.class)
                        .orElseThrow())
                .isEqualTo(new ContractNegotiationEventMessage("p-1", "c-1", EventType.ACCEPTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FINALIZED", "dspace:FINALIZED", "https://w3id.org/dspace/2025/1/FINALIZED"})
    void stateSpellings_areRead(String state) {
        String body = "{\"@type\":\"https://w3id.org/dspace/2025/1/ContractNegotiation\",\"providerPid\":\"p\","
                + "\"consumerPid\":\"c\",\"state\":\"" + state + "\"}";
        assertThat(DspCodec.read(json(body), ContractNegotiationResponse.class)
                        .orElseThrow()
                        .state())
                .isEqualTo("FINALIZED");
    }

    @Test
    void valueObjectsAndOneElementArrays_areUnwrapped() {
        String body = "{\"@type\":\"TransferRequestMessage\",\"consumerPid\":[{\"@value\":\"c\"}],"
                + "\"agreementId\":{\"@id\":\"a\"},\"format\":\"dspace:HttpData-PULL\","
                + "\"callbackAddress\":{\"@value\":\"https://peer.example/dsp\"}}";
        assertThat(DspCodec.read(json(body), TransferRequestMessage.class).orElseThrow())
                .isEqualTo(new TransferRequestMessage("c", "a", "HttpData-PULL", "https://peer.example/dsp", null));
    }

    @Test
    void odrlPrefixedOffer_isReadWithCompactRuleNames() {
        String body = "{\"@type\":\"ContractRequestMessage\",\"consumerPid\":\"c\",\"callbackAddress\":\"http://x:1\","
                + "\"dspace:offer\":{\"@type\":\"odrl:Offer\",\"@id\":\"o1\",\"odrl:target\":{\"@id\":\"ds\"},"
                + "\"odrl:assigner\":{\"@id\":\"prov\"},\"odrl:permission\":{\"odrl:action\":{\"@id\":\"odrl:use\"}}}}";
        Offer offer = DspCodec.read(json(body), ContractRequestMessage.class)
                .orElseThrow()
                .offer();
        assertThat(offer.target()).isEqualTo("ds");
        assertThat(offer.assigner()).isEqualTo("prov");
        assertThat(offer.policy()).isEqualTo(json("{\"permission\":[{\"odrl:action\":{\"@id\":\"odrl:use\"}}]}"));
    }

    @Test
    void counterOfferWithCallbackAddress_isTolerated_butNotWritten() {
        String body = "{\"@type\":\"ContractRequestMessage\",\"consumerPid\":\"c\",\"providerPid\":\"p\","
                + "\"callbackAddress\":\"http://x:1\",\"offer\":{\"@type\":\"Offer\",\"@id\":\"o\","
                + "\"permission\":[{\"action\":\"use\"}]}}";
        ContractRequestMessage request =
                DspCodec.read(json(body), ContractRequestMessage.class).orElseThrow();
        assertThat(request.isCounterOffer()).isTrue();
        assertThat(DspCodec.write(request).has("callbackAddress")).isFalse();
    }

    @Test
    void read_dispatchesOnType() {
        assertThat(DspCodec.read(json("{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\"p\","
                                + "\"consumerPid\":\"c\"}"))
                        .orElseThrow())
                .isEqualTo(new TransferCompletionMessage("p", "c"));
        assertThat(reason(DspCodec.read(json("{\"@type\":\"Catalog\"}")))).contains("not a DSP 2025-1 message");
    }

    // ---- strictness ----

    @Test
    void wrongOrMissingType_isInvalid() {
        String completion = "{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\"p\",\"consumerPid\":\"c\"}";
        assertThat(reason(DspCodec.read(json(completion), TransferTerminationMessage.class)))
                .isEqualTo("expected @type TransferTerminationMessage but got TransferCompletionMessage");
        assertThat(reason(DspCodec.read(
                        json("{\"providerPid\":\"p\",\"consumerPid\":\"c\"}"), TransferCompletionMessage.class)))
                .isEqualTo("@type is missing");
        assertThat(reason(DspCodec.read(json("[]"), TransferCompletionMessage.class)))
                .contains("JSON object");
    }

    @Test
    void missingRequiredFields_areNamed() {
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"ContractAgreementVerificationMessage\",\"providerPid\":\"p\"}"),
                        ContractAgreementVerificationMessage.class)))
                .isEqualTo("ContractAgreementVerificationMessage.consumerPid is missing");
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"TransferRequestMessage\",\"consumerPid\":\"c\",\"agreementId\":\"a\","
                                + "\"callbackAddress\":\"http://x:1\"}"),
                        TransferRequestMessage.class)))
                .contains("format is missing");
        assertThat(reason(DspCodec.read(
                        json(
                                "{\"@type\":\"ContractRequestMessage\",\"consumerPid\":\"c\",\"offer\":{\"@type\":\"Offer\","
                                        + "\"@id\":\"o\",\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractRequestMessage.class)))
                .contains("needs a providerPid (counter-offer) or a callbackAddress");
        assertThat(reason(DspCodec.read(
                        json(
                                "{\"@type\":\"ContractRequestMessage\",\"consumerPid\":\"c\",\"callbackAddress\":\"http://x:1\","
                                        + "\"offer\":{\"@type\":\"Offer\",\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractRequestMessage.class)))
                .contains("offer.@id is missing");
        assertThat(reason(DspCodec.read(
                        json(
                                "{\"@type\":\"ContractRequestMessage\",\"consumerPid\":\"c\",\"callbackAddress\":\"http://x:1\","
                                        + "\"offer\":{\"@type\":\"Offer\",\"@id\":\"o\"}}"),
                        ContractRequestMessage.class)))
                .contains("needs a permission or a prohibition");
        assertThat(reason(DspCodec.read(
                        json(
                                "{\"@type\":\"ContractOfferMessage\",\"providerPid\":\"p\",\"consumerPid\":\"c\","
                                        + "\"offer\":{\"@type\":\"Offer\",\"@id\":\"o\",\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractOfferMessage.class)))
                .contains("offer.target is missing");
        assertThat(reason(DspCodec.read(
                        json(
                                "{\"@type\":\"ContractNegotiationEventMessage\",\"providerPid\":\"p\",\"consumerPid\":\"c\","
                                        + "\"eventType\":\"REJECTED\"}"),
                        ContractNegotiationEventMessage.class)))
                .contains("eventType 'REJECTED' is not one of");
    }

    @Test
    void agreement_needsTypePartiesAndPermission() {
        String base =
                "{\"@type\":\"ContractAgreementMessage\",\"providerPid\":\"p\",\"consumerPid\":\"c\",\"agreement\":";
        assertThat(reason(DspCodec.read(
                        json(base + "{\"@type\":\"Offer\",\"@id\":\"a\",\"target\":\"t\",\"assigner\":\"x\","
                                + "\"assignee\":\"y\",\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractAgreementMessage.class)))
                .contains("must have @type Agreement");
        assertThat(reason(DspCodec.read(
                        json(base + "{\"@type\":\"Agreement\",\"@id\":\"a\",\"target\":\"t\",\"assigner\":\"x\","
                                + "\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractAgreementMessage.class)))
                .contains("agreement.assignee is missing");
        assertThat(reason(DspCodec.read(
                        json(base + "{\"@type\":\"Agreement\",\"@id\":\"a\",\"target\":\"t\",\"assigner\":\"x\","
                                + "\"assignee\":\"y\"}}"),
                        ContractAgreementMessage.class)))
                .contains("needs a permission");
        assertThat(reason(DspCodec.read(
                        json(
                                base + "{\"@type\":\"Agreement\",\"@id\":\"a\",\"target\":\"t\",\"assigner\":\"x\","
                                        + "\"assignee\":\"y\",\"timestamp\":\"yesterday\",\"permission\":[{\"action\":\"use\"}]}}"),
                        ContractAgreementMessage.class)))
                .contains("timestamp is not an xsd:dateTime");
    }

    @Test
    void oversizedPid_isInvalid() {
        String pid = "p".repeat(Pids.MAX_PID_LENGTH + 1);
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\"" + pid
                                + "\",\"consumerPid\":\"c\"}"),
                        TransferCompletionMessage.class)))
                .contains("providerPid is longer than 256");
        String maximal = "p".repeat(Pids.MAX_PID_LENGTH);
        assertThat(DspCodec.read(
                                json("{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\"" + maximal
                                        + "\",\"consumerPid\":\"c\"}"),
                                TransferCompletionMessage.class)
                        .isOk())
                .isTrue();
    }

    @Test
    void blankOrNonStringPid_isInvalid() {
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\" \",\"consumerPid\":\"c\"}"),
                        TransferCompletionMessage.class)))
                .contains("providerPid is blank");
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"TransferCompletionMessage\",\"providerPid\":7,\"consumerPid\":\"c\"}"),
                        TransferCompletionMessage.class)))
                .contains("providerPid must be a string");
    }

    @Test
    void deepNesting_isInvalid() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"CatalogRequestMessage\",\"filter\":" + deep + "}"),
                        CatalogRequestMessage.class)))
                .contains("nested deeper than 32");
        String fine = "[".repeat(30) + "]".repeat(30);
        assertThat(DspCodec.read(
                                json("{\"@type\":\"CatalogRequestMessage\",\"filter\":" + fine + "}"),
                                CatalogRequestMessage.class)
                        .isOk())
                .isTrue();
    }

    @Test
    void tooManyValues_isInvalid() {
        StringBuilder many = new StringBuilder("[0");
        many.append(",0".repeat(DspCodec.MAX_NODES));
        many.append(']');
        assertThat(reason(DspCodec.read(
                        json("{\"@type\":\"CatalogRequestMessage\",\"filter\":" + many + "}"),
                        CatalogRequestMessage.class)))
                .contains("more than 10000 JSON values");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a url",
                "ftp://x.example/dsp",
                "/relative/dsp",
                "http://",
                "http://x.example/admin/reset?ignored=",
                "http://x.example/dsp#",
                "http://user:secret@x.example/dsp"
            })
    void callbackAddress_mustBeAnAbsoluteHttpUrl(String address) {
        String body = "{\"@type\":\"TransferRequestMessage\",\"consumerPid\":\"c\",\"agreementId\":\"a\","
                + "\"format\":\"HttpData-PULL\",\"callbackAddress\":\"" + address + "\"}";
        assertThat(reason(DspCodec.read(json(body), TransferRequestMessage.class)))
                .contains("callbackAddress");
    }

    @Test
    void termsGivenTwiceInDifferentSpellings_areInvalid() {
        String body = "{\"@type\":\"TransferCompletionMessage\",\"providerPid\":\"p\",\"dspace:providerPid\":\"q\","
                + "\"consumerPid\":\"c\"}";
        assertThat(reason(DspCodec.read(json(body), TransferCompletionMessage.class)))
                .contains("providerPid is given more than once");
    }

    @Test
    void tooManyReasons_areInvalid() {
        StringBuilder reasons = new StringBuilder("[\"r\"");
        reasons.append(",\"r\"".repeat(Pids.MAX_REASONS));
        reasons.append(']');
        String body = "{\"@type\":\"TransferTerminationMessage\",\"providerPid\":\"p\",\"consumerPid\":\"c\","
                + "\"reason\":" + reasons + "}";
        assertThat(reason(DspCodec.read(json(body), TransferTerminationMessage.class)))
                .contains("more than 16 entries");
    }

    // ---- writing ----

    @Test
    void write_usesTheContextArray_aStringType_andBareStates() {
        ObjectNode written = DspCodec.write(new ContractNegotiationResponse("p", "c", "REQUESTED"));
        assertThat(written.get("@context").isArray()).isTrue();
        assertThat(written.get("@context").size()).isEqualTo(1);
        assertThat(written.get("@context").get(0).stringValue()).isEqualTo(DspCodec.CONTEXT);
        assertThat(written.get("@type").isString()).isTrue();
        assertThat(written.get("@type").stringValue()).isEqualTo("ContractNegotiation");
        assertThat(written.get("state").stringValue()).isEqualTo("REQUESTED");
    }

    @Test
    void write_echoesPidsByteForByte() {
        String odd = "f83f6c61-B3E4-45b8-834b-f563c6a6383d/../é x";
        ObjectNode written = DspCodec.write(new TransferCompletionMessage(odd, "urn:uuid:1"));
        assertThat(written.get("providerPid").stringValue()).isEqualTo(odd);
        assertThat(DspCodec.read(written, TransferCompletionMessage.class)
                        .orElseThrow()
                        .providerPid())
                .isEqualTo(odd);
    }

    @Test
    void writeThenRead_isTheIdentity_forEveryMessageType() {
        Offer offer = Offer.permitting("offer-1", "ds-1", "provider", "use");
        Agreement agreement =
                Agreement.of("agr-1", offer, "ds-1", "provider", "consumer", Instant.parse("2026-01-01T00:00:00Z"));
        DataAddress address = new DataAddress(
                "https://w3id.org/idsa/v4.1/HTTP",
                "http://x.example/data",
                List.of(new EndpointProperty("authorization", "t")));
        List<DspMessage> messages = List.of(
                new CatalogRequestMessage(null),
                new CatalogRequestMessage(json("{\"q\":1}")),
                ContractRequestMessage.initial("c", "http://x:1/dsp", offer),
                ContractRequestMessage.counterOffer("c", "p", offer),
                new ContractOfferMessage("p", "c", null, offer),
                new ContractOfferMessage("p", null, "http://x:1/dsp", offer),
                new ContractAgreementMessage("p", "c", agreement),
                new ContractAgreementMessage("p", "c", agreement, "eyJhbGciOiJFZERTQSJ9..c2ln"),
                new ContractAgreementVerificationMessage("p", "c"),
                new ContractAgreementVerificationMessage("p", "c", "eyJhbGciOiJFZERTQSJ9..c2ln"),
                new ContractNegotiationEventMessage("p", "c", EventType.FINALIZED),
                new ContractNegotiationTerminationMessage("p", "c", "code", List.of("why")),
                new ContractNegotiationTerminationMessage("p", "c", null, List.of()),
                new TransferRequestMessage("c", "a", "HttpData-PUSH", "http://x:1/dsp", address),
                new TransferStartMessage("p", "c", address),
                new TransferStartMessage("p", "c", null),
                new TransferSuspensionMessage("p", "c", "s", List.of("pause")),
                new TransferCompletionMessage("p", "c"),
                new TransferTerminationMessage("p", "c", "t", List.of()),
                new ContractNegotiationResponse("p", "c", "AGREED"),
                new TransferProcessResponse("p", "c", "SUSPENDED"),
                new ContractNegotiationError("p", "c", "409", List.of("cannot")),
                new TransferError(null, "c", "400", List.of("bad")),
                new CatalogError("404", List.of("dataset CAT0103 not found")));
        for (DspMessage message : messages) {
            ObjectNode written = DspCodec.write(message);
            assertThat(written.get("@context").isArray()).isTrue();
            assertThat(DspCodec.read(written).orElseThrow()).as(message.type()).isEqualTo(message);
            assertThat(DspCodec.read(written, message.getClass()).orElseThrow()).isEqualTo(message);
        }
    }

    @Test
    void agreementCanonicalBytes_areRfc8785OfTheWrittenAgreement() {
        Offer offer = Offer.permitting("offer-1", "ds-1", "provider", "use");
        Agreement agreement =
                Agreement.of("agr-1", offer, "ds-1", "provider", "consumer", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(new String(agreement.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"@id\":\"agr-1\",\"@type\":\"Agreement\",\"assignee\":\"consumer\",\"assigner\":\"provider\","
                                + "\"permission\":[{\"action\":\"use\"}],\"target\":\"ds-1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void endpointPropertyValues_doNotLeakIntoToString() {
        DataAddress address = new DataAddress("t", "e", List.of(new EndpointProperty("authorization", "secret")));
        assertThat(address.toString()).doesNotContain("secret");
    }
}
