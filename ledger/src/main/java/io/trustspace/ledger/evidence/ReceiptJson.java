package io.trustspace.ledger.evidence;

import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Receipt}, as the ledger returns it and submitters store it:
 * {@code {"recordId", "leafIndex", "checkpoint" (signed note text), "inclusionProof": [base64 hashes]}}.
 */
public final class ReceiptJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROOF_HASHES = 64;

    private ReceiptJson() {}

    public static ObjectNode toJson(Receipt receipt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("recordId", receipt.recordId());
        node.put("leafIndex", receipt.leafIndex());
        node.put("checkpoint", receipt.signedCheckpoint());
        ArrayNode proof = node.putArray("inclusionProof");
        receipt.inclusionProof().forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
        return node;
    }

    public static String format(Receipt receipt) {
        return JSON.writeValueAsString(toJson(receipt));
    }

    public static Result<Receipt> parse(String text) {
        try {
            return fromJson(JSON.readTree(text));
        } catch (JacksonException e) {
            return Result.invalid("receipt is not valid JSON");
        }
    }

    public static Result<Receipt> fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Result.invalid("receipt must be a JSON object");
        }
        JsonNode id = node.get("recordId");
        JsonNode index = node.get("leafIndex");
        JsonNode checkpoint = node.get("checkpoint");
        JsonNode proof = node.get("inclusionProof");
        if (id == null || !id.isString() || index == null || !index.canConvertToLong() || index.asLong() < 0) {
            return Result.invalid("receipt needs a string recordId and a non-negative leafIndex");
        }
        if (checkpoint == null || !checkpoint.isString()) {
            return Result.invalid("receipt needs the signed checkpoint text");
        }
        if (proof == null || !proof.isArray() || proof.size() > MAX_PROOF_HASHES) {
            return Result.invalid("receipt needs an inclusionProof array of at most " + MAX_PROOF_HASHES + " hashes");
        }
        List<byte[]> hashes = new ArrayList<>(proof.size());
        for (JsonNode hash : proof) {
            try {
                hashes.add(Base64.getDecoder().decode(hash.asString()));
            } catch (IllegalArgumentException e) {
                return Result.invalid("inclusionProof holds a value that is not base64");
            }
        }
        return Result.ok(new Receipt(id.asString(), index.asLong(), checkpoint.asString(), hashes));
    }
}
