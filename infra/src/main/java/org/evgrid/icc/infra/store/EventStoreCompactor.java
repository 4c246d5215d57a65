package org.evgrid.icc.infra.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 event store compact while it runs. A durable commit per transaction ({@code WRITE_DELAY=0})
 * writes a new chunk per command; H2 compacts only at shutdown by itself, so every minute this moves live chunks to the
 * front and truncates the file (at most one second of work). Does nothing on PostgreSQL or when Axon Server holds the
 * events.
 */
@Component
public class EventStoreCompactor implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EventStoreCompactor.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "icc-event-store-compactor");
        t.setDaemon(true);
        return t;
    });

    public EventStoreCompactor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(this::compact, 1, 1, TimeUnit.MINUTES);
    }

    /** Compacts the H2 file for at most a second; answers whether the store is an embedded H2 one. */
    public boolean compact() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session && session.getDatabase().getStore() != null) {
                session.getDatabase().getStore().compactFile(1000);
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Compacting the event store failed; will try again", e);
        }
        return false;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
