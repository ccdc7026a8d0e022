package io.trustspace.app.contract;

import io.trustspace.app.config.NodeProperties;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The data plane's own port serves pulls and nothing else: the management API, DSP and the console stay on the
 * node's port, where an operator's firewall and proxy rules expect them.
 */
public final class DataPlanePortFilter extends OncePerRequestFilter {

    private final int port;

    public DataPlanePortFilter(NodeProperties.DataPlanePort dataPlane) {
        this.port = dataPlane.separate() ? dataPlane.port() : -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The servlet path is the decoded, normalised one: /public/transfers/../api is /api there.
        if (request.getLocalPort() == port
                && !(request.getRequestURI().startsWith(DataPlane.PATH)
                        && request.getServletPath().startsWith(DataPlane.PATH))) {
            Problems.write(
                    response,
                    (Result.Failure<?>) Result.notFound(
                            "this port serves only the data plane (" + DataPlane.PATH + "{transferId})"),
                    request);
            return;
        }
        chain.doFilter(request, response);
    }
}
