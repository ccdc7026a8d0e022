package io.trustspace.app.dsp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The connector admin installs the membership credential the operator issued to this participant. */
@RestController
@Tag(name = "membership", description = "This connector's membership credential")
public class MembershipController {

    private final NodeMembership membership;

    public MembershipController(NodeMembership membership) {
        this.membership = membership;
    }

    @PutMapping("/api/v1/membership")
    @Operation(summary = "Install this participant's membership credential (the JWT from the operator)")
    public ResponseEntity<?> install(@RequestBody JsonNode body, HttpServletRequest request) {
        return membership
                .install(body.path("jwt").asString(null))
                .fold(ok -> ResponseEntity.noContent().build(), failure -> Problems.response(failure, request));
    }

    @GetMapping("/api/v1/membership")
    @Operation(summary = "The installed membership credential")
    public ResponseEntity<?> get(HttpServletRequest request) {
        return membership
                .credential()
                .<ResponseEntity<?>>map(jwt -> ResponseEntity.ok(Map.of("jwt", jwt)))
                .orElseGet(() -> Problems.response(
                        new io.trustspace.common.Result.Failure<>(
                                io.trustspace.common.Result.Kind.NOT_FOUND, "no membership credential installed"),
                        request));
    }
}
