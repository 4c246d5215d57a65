package org.evgrid.icc.infra.health;

import java.sql.Connection;

import javax.sql.DataSource;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness of the stores: the MongoDB store answers a ping, and the JDBC event store (if used) a connection check. */
@Component("iccStores")
public class StoresHealth implements HealthIndicator {

    private final MongoDatabase mongo;
    private final ObjectProvider<DataSource> dataSource;

    public StoresHealth(MongoDatabase mongo, ObjectProvider<DataSource> dataSource) {
        this.mongo = mongo;
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Health.Builder b = Health.up();
        try {
            mongo.runCommand(new Document("ping", 1));
            b.withDetail("projections", "UP");
        } catch (RuntimeException e) {
            return Health.down().withDetail("projections", "DOWN").withDetail("reason", "MongoDB store does not answer").build();
        }
        DataSource ds = dataSource.getIfAvailable();
        if (ds != null) {
            try (Connection c = ds.getConnection()) {
                b.withDetail("events", c.isValid(2) ? "UP" : "DOWN");
            } catch (java.sql.SQLException e) {
                return Health.down().withDetail("events", "DOWN").withDetail("reason", "event store database does not answer").build();
            }
        }
        return b.build();
    }
}
