package io.trustspace.app.crypto;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.keys.PemKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.PublicKey;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless signature verification with this space's suite, the HTTP twin of {@code trustspace crypto verify}: anyone
 * can check a signature without installing anything. It changes no state.
 */
@RestController
@RequestMapping("/api/v1/crypto")
@Tag(name = "crypto", description = "Stateless checks with the space's crypto suite")
public class CryptoController {

    private final CryptoSuite suite;

    public CryptoController(CryptoSuite suite) {
        this.suite = suite;
    }

    public record VerifyRequest(
            @NotBlank @Size(max = 8192) String publicKey,
            @NotBlank @Size(max = 1_400_000) String message,
            @NotBlank @Size(max = 1024) String signature) {}

    public record VerifyResponse(boolean valid, String suite) {}

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a signature (base64) over a message (base64) with a PEM public key")
    public ResponseEntity<?> verify(@Valid @RequestBody VerifyRequest request, HttpServletRequest http) {
        Result<PublicKey> key = PemKeys.readPublicKey(request.publicKey());
        if (key instanceof Result.Failure<PublicKey> failure) {
            return Problems.response(new Result.Failure<>(failure.kind(), "publicKey: " + failure.reason()), http);
        }
        byte[] message;
        byte[] signature;
        try {
            message = Base64.getDecoder().decode(request.message());
            signature = Base64.getDecoder().decode(request.signature());
        } catch (IllegalArgumentException e) {
            return Problems.response(
                    new Result.Failure<>(Result.Kind.INVALID, "message and signature must be base64"), http);
        }
        boolean valid = suite.verify(key.orElseThrow(), message, signature);
        return ResponseEntity.ok(new VerifyResponse(valid, suite.id().label()));
    }
}
