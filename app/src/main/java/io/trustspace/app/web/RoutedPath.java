package io.trustspace.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is routed by. Every decision about which rules apply to a request (authenticate it as a DSP
 * call, answer with a DSP error) must use the path the routing uses, not the raw request URI: the container maps
 * {@code /%64sp/2025-1/…} to {@code /dsp/2025-1/…}, so a check on the raw URI lets such a request reach a DSP handler
 * unauthenticated.
 */
public final class RoutedPath {

    private RoutedPath() {}

    /**
     * The path within the application as the container routed it: percent-decoded, normalised, without path
     * parameters. During an error dispatch, the path of the request that failed, decoded the same way (if it cannot
     * be decoded, its raw form: the caller then sees no rule match, and that request was refused already).
     */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            String context = request.getContextPath();
            String raw = failed.startsWith(context) ? failed.substring(context.length()) : failed;
            try {
                return UrlPathHelper.defaultInstance.removeSemicolonContent(
                        UriUtils.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
