package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Sends caused while answering a DSP process message wait for the complete answer; other sends go at once. */
class ReplyFirstFilterTest {

    private final ReplyFirstFilter filter = new ReplyFirstFilter();
    private final List<String> events = new ArrayList<>();

    @Test
    void aSendWhileAnswering_runsAfterTheAnswerIsCompleteAndFlushed() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post("/dsp/2025-1/negotiations/request"), response, (request, answer) -> {
            ReplyFirstFilter.send(() -> events.add("sent; committed=" + response.isCommitted()
                    + " length=" + response.getContentLength()
                    + " body=" + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
            events.add("answering");
            answer.getOutputStream().write("{\"state\":\"REQUESTED\"}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(events)
                .containsExactly("answering", "sent; committed=true length=21 body={\"state\":\"REQUESTED\"}");
    }

    @Test
    void heldSends_goEvenWhenAnsweringFails() {
        assertThatThrownBy(() -> filter.doFilter(
                        post("/dsp/2025-1/transfers/t1/start"), new MockHttpServletResponse(), (request, answer) -> {
                            ReplyFirstFilter.send(() -> events.add("sent"));
                            throw new IllegalStateException("the handler failed");
                        }))
                .hasMessageContaining("the handler failed");

        assertThat(events).containsExactly("sent");
    }

    @Test
    void outsideAnAnswer_aSendRunsAtOnce() throws Exception {
        ReplyFirstFilter.send(() -> events.add("sent"));
        assertThat(events).containsExactly("sent");

        // Catalog requests and reads are not held (nor buffered): they cause no messages.
        filter.doFilter(
                new MockHttpServletRequest("GET", "/dsp/2025-1/negotiations/n1"),
                new MockHttpServletResponse(),
                (request, answer) -> ReplyFirstFilter.send(() -> events.add("sent while reading")));
        assertThat(events).containsExactly("sent", "sent while reading");
    }

    /** As the container hands it over: the dispatcher servlet maps "/", so the servlet path is the routed path. */
    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        return request;
    }
}
