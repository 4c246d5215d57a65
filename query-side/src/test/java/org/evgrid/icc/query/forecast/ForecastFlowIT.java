package org.evgrid.icc.query.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.forecast.BacktestForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindCurrentForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastVersionsQuery;
import org.evgrid.icc.coreapi.forecast.ForecastBacktestView;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.forecast.ForecastRequestId;
import org.evgrid.icc.coreapi.forecast.ForecastRequestedEvent;
import org.evgrid.icc.coreapi.forecast.ForecastVersionList;
import org.evgrid.icc.coreapi.forecast.ForecastView;
import org.evgrid.icc.coreapi.forecast.ModelBacktestView;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forecasting end to end against an embedded Mongo store over the real driver: load curves from a stand-in query
 * handler, publication through a center-command stand-in that dispatches on a command bus and projects the resulting
 * event (with signature metadata), then the forecast queries and the backtest through the query bus.
 */
class ForecastFlowIT {

    /** 06:30 China Standard Time on 17 November 2026 (the synthetic series ends on the 15th). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-16T22:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    private static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase db;
    private SyntheticWorld world;
    private QueryGateway queries;
    private final List<EventMessage<?>> pending = new ArrayList<>();
    private final List<EventMessage<?>> projected = new ArrayList<>();
    private AnnotationEventHandlerAdapter projection;
    private ForecastPublisher publisher;
    private ForecastScheduler scheduler;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        db = client.getDatabase("icc");
        world = new SyntheticWorld();
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
        new AnnotationQueryHandlerAdapter<>(world).subscribe(queryBus);
        new AnnotationQueryHandlerAdapter<>(new ForecastQueries(db)).subscribe(queryBus);
        new AnnotationQueryHandlerAdapter<>(new ForecastBacktestQueries(queries, CLOCK)).subscribe(queryBus);
        projection = new AnnotationEventHandlerAdapter(new ForecastProjection(db));

        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        Set<ForecastId> taken = new HashSet<>();
        commandBus.subscribe(PublishForecastCommand.class.getName(), (CommandMessage<?> message) -> {
            PublishForecastCommand c = (PublishForecastCommand) message.getPayload();
            if (!taken.add(c.forecastId())) {
                throw IccException.conflict("ICC-FC-EXISTS", "forecastId", "预测已发布", "Forecast already published", "Publish a new version");
            }
            pending.add(GenericEventMessage.asEventMessage(new ForecastPublishedEvent(c.forecastId(), c.dimension(), c.key(),
                    c.tradingDay(), c.model(), c.version(), c.trainingFrom(), c.trainingTo(), c.issuedAt(), c.pointsKw(),
                    c.energyKwh())).andMetaData(Map.of(SignatureMetadata.SIGNER, "center", SignatureMetadata.KEY_ID, "key-center",
                    SignatureMetadata.ENVELOPE_DIGEST, "digest-" + c.forecastId())));
            return c.forecastId();
        });
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        CenterCommands center = command -> {
            Object result = commands.sendAndWait(command);
            List<EventMessage<?>> batch = new ArrayList<>(pending);
            pending.clear();
            project(batch);
            return result;
        };
        publisher = new ForecastPublisher(queries, center, db, CLOCK);
        scheduler = new ForecastScheduler(publisher, queries, CLOCK);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void project(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        projected.addAll(events);
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
        ResultMessage<?> outcome = uow.executeWithResult(() -> {
            projection.handle(uow.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (outcome.isExceptional()) {
            throw new IllegalStateException("projection failed", outcome.exceptionResult());
        }
    }

    private <R> R ask(Object query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private Map<String, Map<String, Document>> snapshot() {
        Map<String, Map<String, Document>> all = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            Map<String, Document> docs = new TreeMap<>();
            db.getCollection(name).find().forEach(d -> docs.put(String.valueOf(d.get("_id")), d));
            all.put(name, docs);
        }
        return all;
    }

    @Test
    void theDayAheadRunPublishesEveryUnitAndDispatchAreaWithHistoryAndTheyBecomeCurrent() {
        ForecastScheduler.Outcome outcome = scheduler.runDayAhead(DAY);

        assertThat(outcome.published()).extracting(ForecastId::value).containsExactly(
                "FC-U-U-1-20261118-SDW-v1", "FC-U-U-2-20261118-SDW-v1", "FC-DA-JS-NJ-20261118-SDW-v1");
        assertThat(outcome.refused()).containsExactly("UNIT|U-EMPTY: ICC-FC-NO-HISTORY", "DISPATCH_AREA|JS-SZ: ICC-FC-NO-HISTORY");
        assertThat(world.curveQueries()).allSatisfy(q -> {
            assertThat(q.resolutionMinutes()).isEqualTo(15);
            assertThat(q.to()).as("the issue day is not complete").isEqualTo(LocalDate.of(2026, 11, 16));
            assertThat(q.viewer().roles()).containsExactly(Role.CENTER_SERVICE);
        });

        ForecastView current = ask(new FindCurrentForecastQuery(TRADER, PileDimension.UNIT, "U-1", DAY), ForecastView.class);
        assertThat(current.forecastId().value()).isEqualTo("FC-U-U-1-20261118-SDW-v1");
        assertThat(current.current()).isTrue();
        assertThat(current.model()).isEqualTo(ForecastModel.SIMILAR_DAY);
        assertThat(current.trainingFrom()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(current.trainingTo()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(current.issuedAt()).isEqualTo(CLOCK.instant());
        assertThat(current.pointsKw()).hasSize(96).allSatisfy(p -> assertThat(p.scale()).isEqualTo(3));
        BigDecimal sum = current.pointsKw().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(current.energyKwh()).isEqualByComparingTo(sum.multiply(new BigDecimal("0.25")).setScale(3, java.math.RoundingMode.HALF_UP));
        assertThat(current.peakKw()).isEqualByComparingTo(current.pointsKw().stream().max(BigDecimal::compareTo).orElseThrow());
        assertThat(current.signer()).isEqualTo("center");
        assertThat(current.envelopeDigest()).isEqualTo("digest-FC-U-U-1-20261118-SDW-v1");
        // an evening-peaking weekday: the peak lies between 19:00 and 21:30 local time
        int peakHour = current.peakAt().atZone(ForecastProcessing.ZONE).getHour();
        assertThat(peakHour).isBetween(19, 21);
    }

    @Test
    void publishingAgainMakesTheNextVersionCurrentAndKeepsTheFirst() {
        ForecastId first = publisher.publish(PileDimension.UNIT, "U-1", DAY, ForecastModel.SIMILAR_DAY);
        ForecastId second = publisher.publish(PileDimension.UNIT, "U-1", DAY, ForecastModel.SIMILAR_DAY);

        assertThat(second.value()).isEqualTo("FC-U-U-1-20261118-SDW-v2");
        assertThat(ask(new FindCurrentForecastQuery(TRADER, PileDimension.UNIT, "U-1", DAY), ForecastView.class).forecastId())
                .isEqualTo(second);
        ForecastView old = ask(new FindForecastQuery(TRADER, first), ForecastView.class);
        assertThat(old.current()).isFalse();
        assertThat(old.version()).isEqualTo(1);
        ForecastVersionList versions = ask(new FindForecastVersionsQuery(TRADER, PileDimension.UNIT, "U-1", DAY), ForecastVersionList.class);
        assertThat(versions.items()).extracting(s -> s.forecastId().value() + ":" + s.current())
                .containsExactly("FC-U-U-1-20261118-SDW-v1:false", "FC-U-U-1-20261118-SDW-v2:true");
    }

    @Test
    void aVersionTakenButNotYetProjectedMakesThePublisherTryTheNext() {
        ForecastId first = publisher.publish(PileDimension.UNIT, "U-1", DAY, ForecastModel.SIMILAR_DAY);
        db.getCollection("fc_current").drop();

        ForecastId second = publisher.publish(PileDimension.UNIT, "U-1", DAY, ForecastModel.SIMILAR_DAY);

        assertThat(first.value()).endsWith("-v1");
        assertThat(second.value()).endsWith("-v2");
    }

    @Test
    void redeliveringTheEventsChangesNothing() {
        scheduler.runDayAhead(DAY);
        publisher.publish(PileDimension.UNIT, "U-1", DAY, ForecastModel.SEASONAL_NAIVE_7D);
        Map<String, Map<String, Document>> before = snapshot();

        List<EventMessage<?>> all = new ArrayList<>(projected);
        project(all);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOnDemandRequestIsAnsweredWithTheRequestedModel() {
        new ForecastRequestHandler(publisher).on(new ForecastRequestedEvent(new ForecastRequestId("REQ-1"), PileDimension.DISPATCH_AREA,
                "JS-NJ", DAY, ForecastModel.SEASONAL_NAIVE_7D));

        ForecastView view = ask(new FindForecastQuery(TRADER, new ForecastId("FC-DA-JS-NJ-20261118-SN7-v1")), ForecastView.class);
        LocalDate weekBefore = DAY.minusDays(7);
        for (int s = 0; s < 96; s++) {
            BigDecimal actual = world.value("JS-NJ", weekBefore, s);
            if (actual != null) {
                assertThat(view.pointsKw().get(s)).as("slot " + s).isEqualByComparingTo(actual);
            }
        }
    }

    @Test
    void aRequestWithoutHistoryPublishesNothing() {
        new ForecastRequestHandler(publisher).on(new ForecastRequestedEvent(new ForecastRequestId("REQ-2"), PileDimension.UNIT,
                "U-EMPTY", DAY, ForecastModel.SIMILAR_DAY));

        assertThat(projected).isEmpty();
        Throwable refused = catchThrowable(() -> ask(new FindCurrentForecastQuery(TRADER, PileDimension.UNIT, "U-EMPTY", DAY),
                ForecastView.class));
        assertThat(((IccException) refused).code()).isEqualTo("ICC-FC-NO-CURRENT");
    }

    @Test
    void theBacktestScoresBothModelsAndTheSimilarDayModelBeatsTheBaseline() {
        ForecastBacktestView view = ask(new BacktestForecastQuery(TRADER, PileDimension.UNIT, "U-1", 28), ForecastBacktestView.class);

        assertThat(view.testFrom()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(view.testTo()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(view.models()).extracting(ModelBacktestView::model)
                .containsExactly(ForecastModel.SEASONAL_NAIVE_7D, ForecastModel.SIMILAR_DAY);
        ModelBacktestView baseline = view.models().get(0);
        ModelBacktestView similar = view.models().get(1);
        assertThat(baseline.days()).isEqualTo(28);
        assertThat(similar.mase()).isLessThan(baseline.mase()).isLessThan(BigDecimal.ONE);
        assertThat(similar.mapePct()).isLessThan(baseline.mapePct());
        view.models().forEach(m -> System.out.println("backtest " + m));
    }

    @Test
    void administratorsOperatorsAndRegionalViewersAreRefused() {
        Viewer admin = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
        Viewer platform = new Viewer("platform", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-A"), null);
        Viewer clerk = new Viewer("clerk", Set.of(Role.SETTLEMENT_CLERK), new OperatorId("OP-A"), DataScope.HEADQUARTERS);
        Viewer regional = new Viewer("js", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.PROVINCE, "320000"));
        Viewer archivist = new Viewer("archivist", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS);

        assertThat(code(admin)).isEqualTo("ICC-FC-SCOPE-ADMIN");
        assertThat(code(platform)).isEqualTo("ICC-FC-ROLE");
        assertThat(code(clerk)).isEqualTo("ICC-FC-SCOPE-OPERATOR");
        assertThat(code(regional)).isEqualTo("ICC-FC-SCOPE-REGION");
        assertThat(code(archivist)).isEqualTo("ICC-FC-ROLE");
        Throwable byStation = catchThrowable(() -> ask(new FindCurrentForecastQuery(TRADER, PileDimension.STATION, "ST-1", DAY),
                ForecastView.class));
        assertThat(((IccException) byStation).code()).isEqualTo("ICC-FC-DIMENSION");
    }

    private String code(Viewer viewer) {
        Throwable t = catchThrowable(() -> ask(new FindCurrentForecastQuery(viewer, PileDimension.UNIT, "U-1", DAY), ForecastView.class));
        return ((IccException) t).code();
    }
}
