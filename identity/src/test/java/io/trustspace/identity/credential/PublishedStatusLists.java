package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves the status lists of some publishers by URL, as their HTTP endpoints would: the fake of the fetcher. */
public final class PublishedStatusLists implements StatusListFetcher {

    private final List<StatusListPublisher> publishers = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean reachable = true;

    public PublishedStatusLists add(StatusListPublisher publisher) {
        publishers.add(publisher);
        return this;
    }

    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    public int fetches() {
        return fetches.get();
    }

    @Override
    public Result<String> fetch(String url) {
        fetches.incrementAndGet();
        if (!reachable) {
            return Result.unavailable("connection refused: " + url);
        }
        for (StatusListPublisher publisher : publishers) {
            for (String listId : List.of("1", "2", "3")) {
                for (StatusPurpose purpose : StatusPurpose.values()) {
                    if (url.equals(publisher.url(listId, purpose))) {
                        Result<String> credential = publisher.credential(listId, purpose);
                        return credential.isOk() ? credential : Result.unavailable("HTTP 404 for " + url);
                    }
                }
            }
        }
        return Result.unavailable("HTTP 404 for " + url);
    }
}
