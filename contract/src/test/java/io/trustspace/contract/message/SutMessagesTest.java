package io.trustspace.contract.message;

import static io.trustspace.contract.message.DspCodecTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.transfer.TransferProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sut-messages.json} holds what the TCK accepts from a connector. We must read every message there of a type
 * we read, write exactly those bodies back, and our aggregates' outgoing messages must have the same shapes.
 */
class SutMessagesTest {

    private static final String SUT_PID = "urn:uuid:sut-pid";
    private static final String TCK_PID = "f83f6c61-b3e4-45b8-834b-f563c6a6383d";
    private static final String SUT_CALLBACK = "http://127.0.0.1:8282/api/dsp/2025-1";
    private static final String TCK_CALLBACK = "http://127.0.0.1:18083";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Entries that are not DSP messages we read: plain JSON metadata, and catalog bodies (catalog module). */
    private static final Set<String> NOT_OURS = Set.of("metadataResponse", "catalogResponse", "datasetResponse");

    static Map<String, JsonNode> examples() {
        try (InputStream in = SutMessagesTest.class.getResourceAsStream("/dsp/sut-messages.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{SUT_PID}}", SUT_PID)
                    .replace("{{TCK_PID}}", TCK_PID)
                    .replace("{{SUT_CALLBACK}}", SUT_CALLBACK);
            JsonNode all = json(text);
            Map<String, JsonNode> bodies = new TreeMap<>();
            for (String name : all.propertyNames()) {
                if (!name.startsWith("_")) {
                    bodies.put(name, all.get(name).get("body"));
                }
            }
            return bodies;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyExampleOfATypeWeRead_isRead_andWrittenBackIdentically() {
        Map<String, JsonNode> examples = examples();
        assertThat(examples).hasSize(23);
        int read = 0;
        for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
            if (NOT_OURS.contains(example.getKey())) {
                continue;
            }
            DspMessage message = DspCodec.read(example.getValue()).orElseThrow();
            assertThat(DspCodec.write(message)).as(example.getKey()).isEqualTo(example.getValue());
            read++;
        }
        assertThat(read).isEqualTo(20);
    }

    @Test
    void providerNegotiationMessages_haveTheShapesTheTckAccepts() {
        Map<String, JsonNode> examples = examples();
        ContractRequestMessage request = ContractRequestMessage.initial(
                TCK_PID, TCK_CALLBACK, Offer.permitting("CD123:ACN0101:456", "ACN0101", null, "use"));
        ContractNegotiation requested = ContractNegotiation.requested(
                        SUT_PID,
                        request,
                        "TCK_PARTICIPANT",
                        "ACN0101",
                        ContractNegotiation.UNLIMITED_COUNTER_OFFERS,
                        NOW)
                .orElseThrow()
                .negotiation();
        assertShape(requested.toResponse().orElseThrow(), examples.get("contractNegotiationResponse"));
        Offer offer = Offer.permitting("CD123:ACN0101:456", "ACN0101", "CONNECTOR_UNDER_TEST", "use");
        assertShape(sent(requested.offer(offer, NOW).orElseThrow().outgoing()), examples.get("contractOfferMessage"));
        Agreement agreement =
                Agreement.of("urn:uuid:agreement-1", offer, "ACN0103", "CONNECTOR_UNDER_TEST", "TCK_PARTICIPANT", NOW);
        ContractNegotiation agreed =
                requested.agree(agreement, NOW).orElseThrow().negotiation();
        assertShape(
                sent(requested.agree(agreement, NOW).orElseThrow().outgoing()),
                examples.get("contractAgreementMessage"));
        ContractNegotiation verified = agreed.onVerification(
                        new ContractAgreementVerificationMessage(SUT_PID, TCK_PID), NOW)
                .orElseThrow()
                .negotiation();
        assertShape(
                sent(verified.finalizeAgreement(NOW).orElseThrow().outgoing()),
                examples.get("contractNegotiationEventFinalized"));
        assertShape(
                sent(requested
                        .terminate("terminated-by-provider", List.of(), NOW)
                        .orElseThrow()
                        .outgoing()),
                examples.get("contractNegotiationTerminationFromProvider"));
    }

    @Test
    void consumerNegotiationMessages_haveTheShapesTheTckAccepts() {
        Map<String, JsonNode> examples = examples();
        Offer offer = Offer.permitting("offerACNC0101", "ACNC0101", "TCK_PARTICIPANT", "use");
        ContractNegotiation initial = ContractNegotiation.initiate(
                        SUT_PID, "TCK_PARTICIPANT", TCK_CALLBACK, "ACNC0101", offer, NOW)
                .negotiation();
        var requested = initial.request(SUT_CALLBACK, NOW).orElseThrow();
        assertShape(sent(requested.outgoing()), examples.get("contractRequestInitial"));
        assertThat(requested.outgoing().target()).isEqualTo(TCK_CALLBACK + "/negotiations/request");
        ContractNegotiation offered = requested
                .negotiation()
                .onOffer(new ContractOfferMessage(TCK_PID, SUT_PID, null, offer), NOW)
                .orElseThrow()
                .negotiation();
        assertShape(
                sent(offered.counterOffer(offer, NOW).orElseThrow().outgoing()),
                examples.get("contractRequestCounterOffer"));
        assertShape(
                sent(offered.accept(NOW).orElseThrow().outgoing()), examples.get("contractNegotiationEventAccepted"));
        Agreement agreement = Agreement.of("a", offer, "ACNC0101", "TCK_PARTICIPANT", "CONNECTOR_UNDER_TEST", NOW);
        ContractNegotiation agreed = offered.accept(NOW)
                .orElseThrow()
                .negotiation()
                .onAgreement(new ContractAgreementMessage(TCK_PID, SUT_PID, agreement), NOW)
                .orElseThrow()
                .negotiation();
        assertShape(
                sent(agreed.verify(NOW).orElseThrow().outgoing()),
                examples.get("contractAgreementVerificationMessage"));
        assertShape(
                sent(offered.terminate("terminated-by-consumer", List.of(), NOW)
                        .orElseThrow()
                        .outgoing()),
                examples.get("contractNegotiationTerminationFromConsumer"));
    }

    @Test
    void transferMessages_haveTheShapesTheTckAccepts() {
        Map<String, JsonNode> examples = examples();
        TransferProcess provider = TransferProcess.requested(
                        SUT_PID,
                        new TransferRequestMessage(TCK_PID, "ATP0101", "HttpData-PULL", TCK_CALLBACK, null),
                        "TCK_PARTICIPANT",
                        NOW)
                .orElseThrow()
                .transfer();
        assertShape(provider.toResponse().orElseThrow(), examples.get("transferProcessResponse"));
        DataAddress address = new DataAddress(
                "https://w3id.org/idsa/v4.1/HTTP",
                "http://127.0.0.1:8282/public/data",
                List.of(new EndpointProperty("authorization", "token-123")));
        var started = provider.start(address, NOW).orElseThrow();
        assertShape(sent(started.outgoing()), examples.get("transferStartFromProvider"));
        TransferProcess running = started.transfer();
        assertShape(
                sent(running.suspend("suspended", List.of(), NOW).orElseThrow().outgoing()),
                examples.get("transferSuspensionFromProvider"));
        assertShape(
                sent(running.complete(NOW).orElseThrow().outgoing()), examples.get("transferCompletionFromProvider"));
        assertShape(
                sent(running.terminate("terminated", List.of(), NOW)
                        .orElseThrow()
                        .outgoing()),
                examples.get("transferTerminationFromProvider"));

        TransferProcess consumer = TransferProcess.initiate(
                        SUT_PID, "TCK_PARTICIPANT", TCK_CALLBACK, "ATPC0101", "HttpData-PULL", null, NOW)
                .transfer();
        var requested = consumer.request(SUT_CALLBACK, NOW).orElseThrow();
        assertShape(sent(requested.outgoing()), examples.get("transferRequestFromConsumer"));
        TransferProcess consumerRunning = requested
                .transfer()
                .onStart(
                        new TransferStartMessage(
                                TCK_PID,
                                SUT_PID,
                                DataAddress.of("https://w3id.org/idsa/v4.1/HTTP", "http://example.com")),
                        NOW)
                .orElseThrow()
                .transfer();
        assertShape(
                sent(consumerRunning
                        .terminate("terminated", List.of(), NOW)
                        .orElseThrow()
                        .outgoing()),
                examples.get("transferTerminationFromConsumer"));
        assertShape(
                sent(consumerRunning.complete(NOW).orElseThrow().outgoing()),
                examples.get("transferCompletionFromConsumer"));
        assertShape(
                sent(consumerRunning
                        .suspend("suspended", List.of(), NOW)
                        .orElseThrow()
                        .outgoing()),
                examples.get("transferSuspensionFromConsumer"));
    }

    private static JsonNode sent(OutgoingMessage outgoing) {
        assertThat(outgoing).isNotNull();
        return DspCodec.write(outgoing.message());
    }

    private static void assertShape(DspMessage message, JsonNode example) {
        assertShape(DspCodec.write(message), example);
    }

    private static void assertShape(JsonNode ours, JsonNode example) {
        assertThat(shape(ours)).isEqualTo(shape(example));
    }

    /** The same keys, with every string blanked except {@code @context}, {@code @type}, states and event types. */
    private static JsonNode shape(JsonNode node) {
        if (node.isObject()) {
            ObjectNode shaped = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String key = member.getKey();
                boolean keep = Set.of("@context", "@type", "state", "eventType").contains(key);
                shaped.set(key, keep ? member.getValue() : shape(member.getValue()));
            }
            return shaped;
        }
        if (node.isArray()) {
            var shaped = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> shaped.add(shape(element)));
            return shaped;
        }
        return node.isString() ? JsonNodeFactory.instance.stringNode("") : node;
    }
}
