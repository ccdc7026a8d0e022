package io.trustspace.app.contract;

import io.trustspace.app.web.RoutedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds back the DSP messages a received DSP message causes until our answer to it is complete on the wire. The
 * peer then has the answer — for an initial request, our pid — before any message that follows from it, whoever
 * the peer is: Eclipse EDC 0.15 answers 409 to an agreement that overtakes the reply to its own request, and a step
 * this side takes in the receiving transaction ({@link NegotiationAutomation#immediate}) would otherwise race its
 * own acknowledgement.
 *
 * <p>The answer is buffered so that it goes out with a Content-Length and is complete once flushed; DSP process
 * answers are a few kilobytes. Held sends are released even when the peer has gone away, since the messages are
 * committed and must go.
 */
public final class ReplyFirstFilter extends OncePerRequestFilter {

    private static final ThreadLocal<List<Runnable>> HELD = new ThreadLocal<>();

    /** Runs {@code send} now, or after the answer when called while answering a DSP process message. */
    static void send(Runnable send) {
        List<Runnable> held = HELD.get();
        if (held == null) {
            send.run();
        } else {
            held.add(send);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        return !"POST".equals(request.getMethod())
                || !(path.startsWith("/dsp/2025-1/negotiations/") || path.startsWith("/dsp/2025-1/transfers/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Runnable> held = new ArrayList<>(2);
        HELD.set(held);
        try {
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, buffered);
            buffered.copyBodyToResponse();
            response.flushBuffer();
        } finally {
            HELD.remove();
            held.forEach(Runnable::run);
        }
    }
}
