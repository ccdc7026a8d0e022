package io.trustspace.app.witness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.ledger.witness.AddCheckpointOutcome;
import io.trustspace.ledger.witness.AddCheckpointResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** This node as a witness of the operator's ledger: the C2SP tlog-witness add-checkpoint endpoint and its key. */
@RestController
@Tag(name = "witness", description = "Cosigning the operator's ledger checkpoints (c2sp.org/tlog-witness)")
public class WitnessController {

    /** A request is an old size, at most 64 proof hashes and a checkpoint with its signatures: small. */
    static final int MAX_BODY = 1 << 20;

    private final LocalWitness witness;

    public WitnessController(LocalWitness witness) {
        this.witness = witness;
    }

    @PostMapping(path = "/witness/v1/add-checkpoint", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Cosign a checkpoint that is consistent with the last one this witness cosigned")
    public ResponseEntity<?> addCheckpoint(@RequestBody byte[] body, HttpServletRequest request) {
        if (body.length > MAX_BODY) {
            return Problems.response(new Result.Failure<>(Result.Kind.INVALID, "request body exceeds 1 MiB"), request);
        }
        Result<AddCheckpointOutcome> outcome = witness.addCheckpoint(body);
        if (outcome instanceof Result.Failure<AddCheckpointOutcome> failure) {
            return Problems.response(failure, request);
        }
        AddCheckpointResponse response = AddCheckpointResponse.of(outcome.orElseThrow());
        return ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()))
                .body(response.body().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/witness/v1/key", produces = "text/plain")
    @Operation(summary = "This witness's verifier key (cosignature/v1, Ed25519)")
    public ResponseEntity<String> key() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(witness.verifierKey() + "\n");
    }
}
