package be.loket.support;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loket's own events as published on any thread. Spring's {@code @RecordApplicationEvents} sees only the
 * test's thread, and imports and jobs publish from worker threads. Keeps the latest few hundred.
 */
@Component
public class PublishedEvents {
    private static final int KEEP = 500;
    private final Deque<Object> events = new ConcurrentLinkedDeque<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getName().startsWith("be.loket.")) {
            events.addLast(event);
            while (events.size() > KEEP) {
                events.pollFirst();
            }
        }
    }

    public <T> Stream<T> stream(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }
}
