package org.evgrid.icc.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.evgrid.icc.command.archive.AggregationUnit;
import org.evgrid.icc.command.archive.Operator;
import org.evgrid.icc.command.archive.OperatorCommandHandler;
import org.evgrid.icc.command.archive.Pile;
import org.evgrid.icc.command.archive.PileCommandHandler;
import org.evgrid.icc.command.archive.PileImportBatch;
import org.evgrid.icc.command.archive.Station;
import org.evgrid.icc.command.archive.StationCommandHandler;
import org.evgrid.icc.command.archive.UnitMembershipHandler;
import org.evgrid.icc.command.archive.internal.StationPileIndex;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.command.security.SignerKey;
import org.evgrid.icc.command.security.UserAccount;
import org.evgrid.icc.command.telemetry.TelemetryBatch;
import org.evgrid.icc.command.telemetry.TelemetryBatchQueries;
import org.evgrid.icc.command.telemetry.TelemetryCommandHandler;
import org.evgrid.icc.command.telemetry.TelemetryLimits;
import org.evgrid.icc.command.telemetry.internal.MongoReadingsStore;
import org.evgrid.icc.command.telemetry.internal.PileRegistry;

/**
 * Test support: the command side as infra assembles it, on Axon's plain configuration with an in-memory event store and
 * the real command gateway. With a Mongo database, the station handler and the {@link StationPileIndex} in a subscribing
 * "command-lookups" processor (errors propagate) take part as well, and so does telemetry ingestion with its
 * {@link PileRegistry} (in the same processor) and readings store.
 */
public final class CommandSideAxon implements AutoCloseable {

    private final Configuration configuration;

    private CommandSideAxon(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Everything but the station handler (which needs Mongo). */
    public static CommandSideAxon withoutMongo() {
        return start(null, Clock.systemUTC());
    }

    /** Everything, with the station-pile lookup in the given database. */
    public static CommandSideAxon withMongo(MongoDatabase database) {
        return start(database, Clock.systemUTC());
    }

    /** Everything, with Mongo, telemetry ingestion reading the given clock. */
    public static CommandSideAxon withMongo(MongoDatabase database, Clock clock) {
        return start(database, clock);
    }

    private static CommandSideAxon start(MongoDatabase database, Clock clock) {
        IccCommandTargetResolver targets = new IccCommandTargetResolver();
        // false: no modules found on the classpath (Axon Server connector, console) join this plain configuration
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        for (Class<?> type : List.of(SignerKey.class, UserAccount.class, Operator.class, Station.class, Pile.class,
                PileImportBatch.class, AggregationUnit.class, TelemetryBatch.class)) {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type).configureCommandTargetResolver(c -> targets));
        }
        configurer.registerCommandHandler(c -> new OperatorCommandHandler(c.repository(Operator.class), c.repository(SignerKey.class),
                        c.eventStore()))
                .registerCommandHandler(c -> new PileCommandHandler(
                        c.repository(Pile.class), c.repository(PileImportBatch.class), c.eventStore()))
                .registerCommandHandler(c -> new UnitMembershipHandler(c.repository(AggregationUnit.class), c.repository(Pile.class),
                        c.eventStore()));
        if (database != null) {
            StationPileIndex index = new StationPileIndex(database);
            configurer.registerCommandHandler(c -> new StationCommandHandler(c.repository(Station.class), index, c.eventStore()));
            PileRegistry registry = new PileRegistry(database);
            MongoReadingsStore readings = new MongoReadingsStore(database);
            configurer.registerCommandHandler(c -> new TelemetryCommandHandler(c.repository(TelemetryBatch.class), registry, readings,
                    clock, TelemetryLimits.defaults()));
            configurer.registerQueryHandler(c -> new TelemetryBatchQueries(c.eventStore()));
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(StationPileIndex.PROCESSING_GROUP)
                    .registerEventHandler(c -> index)
                    .registerEventHandler(c -> registry)
                    .registerListenerInvocationErrorHandler(StationPileIndex.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        }
        Configuration configuration = configurer.buildConfiguration();
        configuration.commandBus().registerHandlerInterceptor(new UnknownTargetInterceptor());
        configuration.start();
        return new CommandSideAxon(configuration);
    }

    /** The Axon configuration (query gateway, event store, ...). */
    public Configuration configuration() {
        return configuration;
    }

    public CommandGateway gateway() {
        return configuration.commandGateway();
    }

    /** Sends a command and waits for its result. */
    public Object send(Object command) {
        return gateway().sendAndWait(command);
    }

    /** Sends a command with metadata (e.g. the signer's roles) and waits for its result. */
    public Object send(Object command, Map<String, ?> metaData) {
        return gateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
    }

    /** Every stored event, in order. */
    public List<TrackedEventMessage<?>> events() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = configuration.eventStore().openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** The payloads of every stored event, in order. */
    public List<Object> payloads() {
        return events().stream().<Object>map(TrackedEventMessage::getPayload).toList();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
