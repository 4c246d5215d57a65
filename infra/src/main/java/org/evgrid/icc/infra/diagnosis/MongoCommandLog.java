package org.evgrid.icc.infra.diagnosis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs every MongoDB command with its duration and result while the debug switch is on (logger
 * {@value #LOGGER}, INFO): registered on the center's MongoClient at startup, silent (one volatile read) otherwise.
 * Commands and replies are cut to {@value #MAX_TEXT} characters.
 */
@Component
public class MongoCommandLog implements CommandListener {

    /** The logger the commands are written to. */
    public static final String LOGGER = "org.evgrid.icc.infra.diagnosis.mongo";
    static final int MAX_TEXT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Map<Integer, String> started = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    /** Turns the logging on or off. */
    public void enabled(boolean on) {
        this.enabled = on;
        if (!on) {
            started.clear();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (enabled) {
            started.put(event.getRequestId(), cut(event.getCommand().toJson()));
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String command = started.remove(event.getRequestId());
        if (enabled) {
            LOG.info("mongo {} db={} {} ms ok command={} reply={}", event.getCommandName(), event.getDatabaseName(),
                    event.getElapsedTime(TimeUnit.MILLISECONDS), command, cut(event.getResponse().toJson()));
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        String command = started.remove(event.getRequestId());
        if (enabled) {
            LOG.info("mongo {} db={} {} ms FAILED command={} error={}", event.getCommandName(), event.getDatabaseName(),
                    event.getElapsedTime(TimeUnit.MILLISECONDS), command, event.getThrowable().toString());
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…(" + text.length() + " chars)";
    }
}
