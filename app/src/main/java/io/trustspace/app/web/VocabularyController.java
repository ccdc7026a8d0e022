package io.trustspace.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.policy.PolicyVocabulary;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Our ODRL vocabulary as a JSON-LD context, served so that policies that use it can be expanded by anyone. */
@RestController
@Tag(name = "vocabulary", description = "JSON-LD contexts of TrustSpace's vocabularies")
public class VocabularyController {

    @GetMapping(path = "/ns/policy/context.jsonld", produces = "application/ld+json")
    @Operation(summary = "The JSON-LD context of the TrustSpace policy vocabulary (left operands)")
    public ResponseEntity<String> policyContext() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.parseMediaType("application/ld+json"))
                .body(PolicyVocabulary.contextDocument());
    }
}
