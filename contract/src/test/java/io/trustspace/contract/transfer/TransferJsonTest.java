package io.trustspace.contract.transfer;

import static io.trustspace.contract.transfer.TransferFixtures.AGREEMENT;
import static io.trustspace.contract.transfer.TransferFixtures.CONSUMER_ADDRESS;
import static io.trustspace.contract.transfer.TransferFixtures.FORMAT;
import static io.trustspace.contract.transfer.TransferFixtures.NOW;
import static io.trustspace.contract.transfer.TransferFixtures.PROVIDER;
import static io.trustspace.contract.transfer.TransferFixtures.PROVIDER_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.EndpointProperty;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TransferJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DataAddress PUSH_SINK = new DataAddress(
            "https://w3id.org/idsa/v4.1/HTTP",
            "https://consumer.example/sink",
            List.of(new EndpointProperty("authorization", "Bearer secret"), new EndpointProperty("authType", "")));

    /** Through text and back, as storage does. */
    private static TransferProcess roundTrip(TransferProcess transfer) {
        String text = TransferJson.write(transfer).toString();
        return TransferJson.read(MAPPER.readTree(text)).orElseThrow();
    }

    private static String invalid(JsonNode json) {
        Result<TransferProcess> result = TransferJson.read(json);
        assertThat(result.isOk()).as("expected INVALID: %s", result).isFalse();
        Result.Failure<TransferProcess> failure = (Result.Failure<TransferProcess>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        return failure.reason();
    }

    @ParameterizedTest
    @EnumSource(value = TransferState.class, names = "INITIAL", mode = EnumSource.Mode.EXCLUDE)
    void providerFixtures_roundTrip(TransferState state) {
        TransferProcess transfer = TransferFixtures.provider("p-" + state, state);
        assertThat(roundTrip(transfer)).isEqualTo(transfer);
    }

    @ParameterizedTest
    @EnumSource(TransferState.class)
    void consumerFixtures_roundTrip(TransferState state) {
        TransferProcess transfer = TransferFixtures.consumer("c-" + state, state);
        assertThat(roundTrip(transfer)).isEqualTo(transfer);
    }

    @Test
    void aPushConsumerTakenThroughSuspensionsAndTermination_roundTripsAtEveryStep() {
        TransferProcess initial = TransferProcess.initiate(
                        "c-1", PROVIDER, PROVIDER_ADDRESS, AGREEMENT, "HttpData-PUSH", PUSH_SINK, NOW)
                .transfer()
                .withVersion(2);
        TransferProcess requested = initial.request(CONSUMER_ADDRESS, NOW.plusMillis(1))
                .orElseThrow()
                .transfer();
        TransferProcess started = requested
                .onStart(new TransferStartMessage("prov-1", "c-1", null), NOW.plusMillis(2))
                .orElseThrow()
                .transfer();
        TransferProcess replied = started.onRequestReply(
                        new TransferProcessResponse("prov-1", "c-1", "STARTED"), NOW.plusMillis(3))
                .orElseThrow()
                .transfer();
        TransferProcess suspended = replied.onSuspension(
                        new TransferSuspensionMessage("prov-1", "c-1", "maintenance", List.of("back soon")),
                        NOW.plusMillis(4))
                .orElseThrow()
                .transfer();
        // The provider suspended, so the provider resumes.
        TransferProcess resumed = suspended
                .onStart(new TransferStartMessage("prov-1", "c-1", null), NOW.plusMillis(5))
                .orElseThrow()
                .transfer();
        TransferProcess terminated = resumed.onTermination(
                        new TransferTerminationMessage("prov-1", "c-1", "quota", List.of("one", "two")),
                        NOW.plusMillis(6))
                .orElseThrow()
                .transfer();
        for (TransferProcess step : List.of(initial, requested, started, replied, suspended, resumed, terminated)) {
            assertThat(roundTrip(step)).isEqualTo(step);
        }
        TransferProcess read = roundTrip(terminated);
        assertThat(read.dataAddress()).isEqualTo(PUSH_SINK);
        assertThat(read.dataAddress().endpointProperties().get(0).value()).isEqualTo("Bearer secret");
        assertThat(read.terminationCode()).isEqualTo("quota");
        assertThat(read.terminationReason()).containsExactly("one", "two");
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.transitions()).isEqualTo(terminated.transitions());
    }

    @Test
    void write_usesTheDspDataAddressForm() {
        ObjectNode json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        assertThat(json.get("dataAddress").get("@type").stringValue()).isEqualTo("DataAddress");
        assertThat(json.get("dataAddress").has("endpointProperties")).isFalse();
        assertThat(json.get("format").stringValue()).isEqualTo(FORMAT);
        assertThat(json.get("updatedAt").stringValue()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(TransferJson.write(TransferFixtures.consumer("c-1", TransferState.INITIAL))
                        .get("providerPid")
                        .isNull())
                .isTrue();
    }

    // ---- strictness ----

    @Test
    void read_refusesUnknownAndMissingMembers() {
        ObjectNode json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.put("extra", true);
        assertThat(invalid(json)).isEqualTo("transfer has an unknown member 'extra'");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.remove("terminationCode");
        assertThat(invalid(json)).isEqualTo("transfer.terminationCode is missing");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        ((ObjectNode) json.get("dataAddress")).put("secret", "x");
        assertThat(invalid(json)).isEqualTo("transfer.dataAddress has an unknown member 'secret'");
    }

    @Test
    void read_refusesMalformedDataAddresses() {
        ObjectNode json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        ((ObjectNode) json.get("dataAddress")).put("@type", "Address");
        assertThat(invalid(json)).isEqualTo("transfer.dataAddress.@type must be DataAddress, not 'Address'");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        ((ObjectNode) json.get("dataAddress"))
                .putArray("endpointProperties")
                .addObject()
                .put("name", "n");
        assertThat(invalid(json)).isEqualTo("transfer.dataAddress.endpointProperties[0].@type is missing");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        ((ObjectNode) json.get("dataAddress")).putArray("endpointProperties");
        assertThat(invalid(json))
                .isEqualTo("transfer.dataAddress.endpointProperties is written only when there are some");
    }

    @Test
    void read_refusesWrongTypesEnumsAndInstants() {
        ObjectNode json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.put("version", "1");
        assertThat(invalid(json)).isEqualTo("transfer.version must be a 64-bit integer");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.put("role", "BROKER");
        assertThat(invalid(json)).isEqualTo("transfer.role must be one of [PROVIDER, CONSUMER], not 'BROKER'");

        json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.put("createdAt", "yesterday");
        assertThat(invalid(json)).isEqualTo("transfer.createdAt must be an ISO-8601 instant, not 'yesterday'");
    }

    @Test
    void read_refusesWhatTheAggregateRefuses() {
        ObjectNode json = TransferJson.write(TransferFixtures.provider("p-1", TransferState.STARTED));
        json.put("providerPid", "someone-else");
        assertThat(invalid(json)).isEqualTo("transfer: our own pid must be the transfer id");
    }
}
