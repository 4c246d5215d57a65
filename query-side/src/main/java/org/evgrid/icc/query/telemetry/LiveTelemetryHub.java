package org.evgrid.icc.query.telemetry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.telemetry.TelemetryLiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The in-process registry of live listeners; the roll-up projection notifies it after each committed batch. */
@Component
public class LiveTelemetryHub implements TelemetryLiveFeed {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTelemetryHub.class);

    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

    @Override
    public AutoCloseable subscribe(PileDimension dimension, String key, Runnable listener) {
        String id = dimension.name() + "|" + key;
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells the listeners of these keys ({@code DIMENSION|key}) that their data changed. */
    public void changed(Collection<String> keys) {
        for (String key : keys) {
            for (Runnable listener : listeners.getOrDefault(key, List.of())) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.debug("A live telemetry listener of {} failed", key, e);
                }
            }
        }
    }

    /** How many listeners are registered (for tests and health). */
    public int size() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }
}
