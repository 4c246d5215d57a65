package org.evgrid.icc.infra.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.evgrid.icc.infra.store.H2EventTableFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where Axon keeps things in the embedded setup: events and snapshots in the JDBC engine (H2 file; PostgreSQL by
 * configuration); tracking tokens and sagas in the MongoDB store. With {@code axon.axonserver.enabled=true} Axon
 * Server replaces the event store and this engine is not created.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStoreConfig {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) throws SQLException {
        PersistenceExceptionResolver resolver = new JdbcSQLErrorCodesResolver();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .batchSize(500)
                .build();
        engine.createSchema(tableFactoryFor(dataSource));
        return engine;
    }

    /** The event store over the JDBC engine (Axon Server supplies its own when enabled). */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder().storageEngine(engine).messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    private static EventTableFactory tableFactoryFor(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("postgres") ? PostgresEventTableFactory.INSTANCE : H2EventTableFactory.INSTANCE;
        }
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database)
                .trackingTokensCollectionName("axon_tokens")
                .sagasCollectionName("axon_sagas")
                .build();
    }

    @Bean
    TokenStore tokenStore(@Qualifier("axonMongoTemplate") MongoTemplate template, Serializer serializer,
                          @Value("${icc.node-id:icc-node-1}") String nodeId) {
        // A fixed node id lets a restarted process reclaim its own tokens at once instead of waiting for the claim
        // timeout; every process sharing one MongoDB needs its own id.
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
                .nodeId(nodeId).claimTimeout(Duration.ofSeconds(10)).build();
    }

    @Bean
    SagaStore<Object> sagaStore(@Qualifier("axonMongoTemplate") MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }
}
