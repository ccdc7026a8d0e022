package io.trustspace.app.dsp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a peer who this connector recognised it as: the DID, issuer, space, and the roles and claims accepted from
 * that issuer. Peers of another space use it to check mutual recognition (跨空间身份互认) before any DSP exchange.
 */
@RestController
@Tag(name = "dsp", description = "Dataspace Protocol endpoints (authenticated by access token)")
public class DspIdentityController {

    @GetMapping("/dsp/v1/identity")
    @Operation(summary = "The caller as this connector recognised it (from its access token and credential)")
    public Map<String, Object> identity(HttpServletRequest request) {
        VerifiedCaller caller = DspAuthFilter.caller(request);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("did", caller.did());
        view.put("issuer", caller.issuer());
        view.put("space", caller.space());
        view.put("roles", caller.roles());
        Map<String, String> claims = new TreeMap<>();
        caller.claims().forEach((claim, value) -> claims.put(claim.jsonName(), value));
        view.put("claims", claims);
        view.put("credentialValidUntil", caller.credentialValidUntil().toString());
        return view;
    }
}
