package io.trustspace.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.identity.credential.StatusListPublisher;
import io.trustspace.identity.credential.StatusPurpose;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The operator's Bitstring Status List credentials, public so that any verifier can check a membership. */
@RestController
@Tag(name = "credentials", description = "Status lists of membership credentials (revocation, suspension)")
public class StatusListController {

    private final StatusListPublisher statusLists;

    public StatusListController(StatusListPublisher statusLists) {
        this.statusLists = statusLists;
    }

    @GetMapping("/credentials/status/{listId}/{purpose}")
    @Operation(summary = "A signed BitstringStatusListCredential (VC 2.0 secured as JWT)")
    public ResponseEntity<?> list(
            @PathVariable String listId, @PathVariable String purpose, HttpServletRequest request) {
        return StatusPurpose.fromJsonName(purpose)
                .<Result<StatusPurpose>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no status purpose '" + purpose + "'"))
                .flatMap(p -> statusLists.credential(listId, p))
                .fold(
                        jwt -> ResponseEntity.ok()
                                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30))
                                        .cachePublic())
                                .contentType(MediaType.parseMediaType("application/vc+jwt"))
                                .body(jwt),
                        failure -> Problems.response(failure, request));
    }
}
