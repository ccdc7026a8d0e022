package io.trustspace.app.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence this node wrote, with what it attests. The ledger holds each record's payload digest only; the node
 * that wrote it keeps the payload, and this is where it shows it: the record, its signature, the payload, whether
 * the payload still hashes to the record's digest, and the ledger's receipt once the record was appended. With the
 * ledger's own {@code /ledger/v1/records/{id}} anyone can then check that the digest is the one the log holds.
 */
@RestController
@Tag(name = "evidence", description = "This node's evidence records with their payloads (存证)")
public class EvidenceController {

    private final EvidenceOutbox outbox;
    private final EvidenceRecorder recorder;
    private final JsonMapper json = JsonMapper.builder().build();

    public EvidenceController(EvidenceOutbox outbox, EvidenceRecorder recorder) {
        this.outbox = outbox;
        this.recorder = recorder;
    }

    @GetMapping("/api/v1/evidence/{recordId}")
    @Operation(
            summary = "One evidence record this node wrote: record, actor signature, payloadBase64 (the exact"
                    + " bytes; also as payload when they are JSON), payloadVerified (the payload hashes to the"
                    + " record's digest) and receipt if appended")
    public ResponseEntity<?> record(@PathVariable String recordId, HttpServletRequest request) {
        return outbox.find(recordId)
                .<Result<ObjectNode>>map(kept -> Result.ok(view(kept)))
                .orElseGet(() -> Result.notFound("this node wrote no evidence record " + recordId))
                .<ResponseEntity<?>>fold(ResponseEntity::ok, failure -> Problems.response(failure, request));
    }

    private ObjectNode view(EvidenceOutbox.KeptEvidence kept) {
        ObjectNode body = json.createObjectNode();
        body.set("record", kept.evidence().record().toJson());
        body.put("jws", kept.evidence().jws());
        kept.payload()
                .ifPresentOrElse(
                        payload -> {
                            // The exact bytes are what the digest covers; the parsed form is for people reading it.
                            body.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
                            JsonNode parsed = asJson(payload);
                            if (parsed != null) {
                                body.set("payload", parsed);
                            }
                            body.put(
                                    "payloadVerified",
                                    recorder.digest(payload)
                                            .equals(kept.evidence().record().payloadDigest()));
                        },
                        () -> body.putNull("payload"));
        kept.receipt().ifPresent(receipt -> body.set("receipt", ReceiptJson.toJson(receipt)));
        return body;
    }

    /** The payload as JSON if it is UTF-8 JSON, else null: most payloads are JSON, some are bytes. */
    private JsonNode asJson(byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            JsonNode node = json.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (CharacterCodingException | JacksonException notJson) {
            return null;
        }
    }
}
