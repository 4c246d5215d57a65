package org.evgrid.icc.query.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationList;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsView;
import org.evgrid.icc.coreapi.declaration.DeclarationView;
import org.evgrid.icc.coreapi.declaration.DemandAmendedEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclarationFrozenEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.DemandWithdrawnEvent;
import org.evgrid.icc.coreapi.declaration.FindDeclarationQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationTotalsQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationsQuery;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.declaration.internal.DeclarationDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The declaration read model on mongo-java-server over the real driver, fed the way a tracking processor feeds it. */
class DeclarationProjectionIT {

    private static final String MONTHLY = "MLT_MONTHLY";
    private static final String DAY_AHEAD = "DAY_AHEAD";
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final Instant GATE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-10T01:00:00Z");
    private static final AggregationUnitId AU1 = new AggregationUnitId("AU-1");
    private static final AggregationUnitId AU2 = new AggregationUnitId("AU-2");

    private static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    private static final Viewer PLATFORM_A = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-A"), null);
    private static final Viewer ADMIN = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
    private static final Viewer JIANGSU = new Viewer("js", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.PROVINCE, "320000"));

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnnotationEventHandlerAdapter projection;
    private DeclarationQueries queries;
    /** Aggregate sequence per declaration, as the event store would number them. */
    private final Map<String, Long> sequences = new TreeMap<>();
    private long minute;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("icc");
        projection = new AnnotationEventHandlerAdapter(new DeclarationProjection(database));
        queries = new DeclarationQueries(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static DeclarationId id(String operator, String product, AggregationUnitId unit) {
        return DeclarationId.of(new OperatorId(operator), product, DECEMBER, unit);
    }

    private EventMessage<?> message(DeclarationId id, Object payload) {
        long seq = sequences.merge(id.value(), 0L, (old, zero) -> old + 1);
        Instant at = T0.plusSeconds(60 * minute++);
        return new GenericDomainEventMessage<>("DemandDeclaration", "declaration:" + id.value(), seq, payload, MetaData.emptyInstance(),
                id.value() + "-" + seq, at);
    }

    private EventMessage<?> declared(String operator, AggregationUnitId unit, String kwh, int revision) {
        DeclarationId id = id(operator, MONTHLY, unit);
        return message(id, new DemandDeclaredEvent(id, new OperatorId(operator), MONTHLY, DeclarationKind.ENERGY, DECEMBER,
                LocalDate.of(2026, 12, 31), unit, new BigDecimal(kwh), null, GATE, revision));
    }

    private EventMessage<?> amended(String operator, AggregationUnitId unit, String kwh, int revision) {
        DeclarationId id = id(operator, MONTHLY, unit);
        return message(id, new DemandAmendedEvent(id, new OperatorId(operator), MONTHLY, DeclarationKind.ENERGY, DECEMBER, unit,
                new BigDecimal(kwh), null, revision));
    }

    private EventMessage<?> withdrawn(String operator, AggregationUnitId unit, int revision) {
        DeclarationId id = id(operator, MONTHLY, unit);
        return message(id, new DemandWithdrawnEvent(id, new OperatorId(operator), MONTHLY, DECEMBER, unit, revision));
    }

    private EventMessage<?> frozen(String operator, AggregationUnitId unit, DeclarationStatus status, String kwh, int revision) {
        DeclarationId id = id(operator, MONTHLY, unit);
        return message(id, new DemandDeclarationFrozenEvent(id, new OperatorId(operator), MONTHLY, DeclarationKind.ENERGY, DECEMBER, unit,
                GATE, status, kwh == null ? null : new BigDecimal(kwh), null, revision));
    }

    private static List<BigDecimal> curve(String kw) {
        return Collections.nCopies(96, new BigDecimal(kw));
    }

    /** Handles the events as one batch, as a tracking processor does. */
    private void batch(List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
        ResultMessage<?> outcome = uow.executeWithResult(() -> {
            if (projection.canHandle(uow.getMessage())) {
                projection.handle(uow.getMessage());
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        assertThat(outcome.isExceptional()).as("batch outcome").isFalse();
    }

    private void oneByOne(List<EventMessage<?>> events) {
        events.forEach(e -> batch(List.of(e)));
    }

    private DeclarationTotalsView totals(AggregationUnitId unit) {
        List<DeclarationTotalsView> items = queries.find(new FindDeclarationTotalsQuery(TRADER, MONTHLY, DECEMBER, unit)).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private Map<String, Document> snapshot() {
        Map<String, Document> docs = new TreeMap<>();
        database.getCollection(DeclarationDocuments.COLLECTION).find().forEach(d -> docs.put(d.getString("_id"), d));
        return docs;
    }

    @Test
    void totalsSumTheLiveDeclarationsOfAUnitAndFollowAmendmentsAndWithdrawalsExactly() {
        batch(List.of(declared("OP-A", AU1, "100.500", 1), declared("OP-B", AU1, "200.250", 1), declared("OP-C", AU2, "50.000", 1)));
        assertThat(totals(AU1).energyKwh()).isEqualByComparingTo("300.750");
        assertThat(totals(AU1).declarations()).isEqualTo(2);
        assertThat(totals(AU2).energyKwh()).isEqualByComparingTo("50");

        batch(List.of(amended("OP-A", AU1, "80.000", 2)));
        assertThat(totals(AU1).energyKwh()).isEqualByComparingTo("280.250");
        batch(List.of(withdrawn("OP-B", AU1, 2)));
        assertThat(totals(AU1).energyKwh()).isEqualByComparingTo("80.000");
        assertThat(totals(AU1).declarations()).isEqualTo(1);

        List<DeclarationTotalsView> all = queries.find(new FindDeclarationTotalsQuery(TRADER, MONTHLY, DECEMBER, null)).items();
        assertThat(all).extracting(t -> t.unitId().value()).containsExactly("AU-1", "AU-2");
        assertThat(queries.find(new FindDeclarationTotalsQuery(TRADER, DAY_AHEAD, DECEMBER, null)).items()).isEmpty();
    }

    @Test
    void redeliveringTheHistoryOrAnyPartOfItChangesNothing() {
        List<EventMessage<?>> history = List.of(
                declared("OP-A", AU1, "100.000", 1), declared("OP-B", AU1, "200.000", 1), amended("OP-A", AU1, "150.000", 2),
                withdrawn("OP-B", AU1, 2), declared("OP-B", AU1, "20.000", 3), amended("OP-A", AU1, "90.000", 3),
                frozen("OP-A", AU1, DeclarationStatus.DECLARED, "90.000", 3), frozen("OP-B", AU1, DeclarationStatus.DECLARED, "20.000", 3));
        batch(history);
        Map<String, Document> once = snapshot();
        assertThat(totals(AU1).energyKwh()).isEqualByComparingTo("110");
        assertThat(totals(AU1).frozenDeclarations()).isEqualTo(2);

        oneByOne(history);
        assertThat(snapshot()).isEqualTo(once);
        batch(history.subList(3, history.size()));
        assertThat(snapshot()).isEqualTo(once);
        // an old amendment arriving again, alone
        batch(List.of(history.get(2)));
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void curveTotalsArePointWiseSumsOfTheLiveCurves() {
        DeclarationId a = id("OP-A", DAY_AHEAD, AU1);
        DeclarationId b = id("OP-B", DAY_AHEAD, AU1);
        List<BigDecimal> rising = new ArrayList<>(curve("10.000"));
        rising.set(95, new BigDecimal("12.345"));
        batch(List.of(
                message(a, new DemandDeclaredEvent(a, new OperatorId("OP-A"), DAY_AHEAD, DeclarationKind.CURVE, DECEMBER, DECEMBER, AU1,
                        null, rising, GATE, 1)),
                message(b, new DemandDeclaredEvent(b, new OperatorId("OP-B"), DAY_AHEAD, DeclarationKind.CURVE, DECEMBER, DECEMBER, AU1,
                        null, curve("5.500"), GATE, 1)),
                message(b, new DemandAmendedEvent(b, new OperatorId("OP-B"), DAY_AHEAD, DeclarationKind.CURVE, DECEMBER, AU1,
                        null, curve("1.000"), 2))));
        DeclarationTotalsView t = queries.find(new FindDeclarationTotalsQuery(TRADER, DAY_AHEAD, DECEMBER, AU1)).items().get(0);
        assertThat(t.energyKwh()).isNull();
        assertThat(t.curveKw()).hasSize(96);
        assertThat(t.curveKw().get(0)).isEqualByComparingTo("11");
        assertThat(t.curveKw().get(95)).isEqualByComparingTo("13.345");
    }

    @Test
    void aFrozenDeclarationShowsAsFrozenAndAWithdrawnOneCountsNowhere() {
        batch(List.of(declared("OP-A", AU1, "100.000", 1), declared("OP-B", AU1, "5.000", 1), withdrawn("OP-B", AU1, 2),
                frozen("OP-A", AU1, DeclarationStatus.DECLARED, "100.000", 1), frozen("OP-B", AU1, DeclarationStatus.WITHDRAWN, null, 2)));
        DeclarationView a = queries.find(new FindDeclarationQuery(TRADER, id("OP-A", MONTHLY, AU1)));
        assertThat(a.frozen()).isTrue();
        assertThat(a.status()).isEqualTo(DeclarationStatus.DECLARED);
        assertThat(a.gateClosure()).isEqualTo(GATE);
        assertThat(a.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        DeclarationView b = queries.find(new FindDeclarationQuery(TRADER, id("OP-B", MONTHLY, AU1)));
        assertThat(b.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
        assertThat(b.energyKwh()).isNull();
        assertThat(totals(AU1).declarations()).isEqualTo(1);
        assertThat(totals(AU1).frozenDeclarations()).isEqualTo(1);
        assertThat(totals(AU1).energyKwh()).isEqualByComparingTo("100");
    }

    @Test
    void anOperatorPlatformSeesItsOwnDeclarationsOnlyAndNoTotals() {
        batch(List.of(declared("OP-A", AU1, "1.000", 1), declared("OP-A", AU2, "2.000", 1), declared("OP-B", AU1, "3.000", 1)));
        DeclarationList own = queries.find(new FindDeclarationsQuery(PLATFORM_A, new OperatorId("OP-A"), MONTHLY, DECEMBER));
        assertThat(own.items()).extracting(v -> v.unitId().value()).containsExactly("AU-1", "AU-2");
        assertRefused(() -> queries.find(new FindDeclarationsQuery(PLATFORM_A, new OperatorId("OP-B"), MONTHLY, DECEMBER)),
                "ICC-SCOPE-OPERATOR");
        assertRefused(() -> queries.find(new FindDeclarationQuery(PLATFORM_A, id("OP-B", MONTHLY, AU1))), "ICC-DECL-NOT-FOUND");
        assertRefused(() -> queries.find(new FindDeclarationTotalsQuery(PLATFORM_A, MONTHLY, DECEMBER, AU1)), "ICC-SCOPE-OPERATOR");
        assertRefused(() -> queries.find(new FindDeclarationQuery(ADMIN, id("OP-A", MONTHLY, AU1))), "ICC-SCOPE-ADMIN");
        assertRefused(() -> queries.find(new FindDeclarationTotalsQuery(JIANGSU, MONTHLY, DECEMBER, AU1)), "ICC-SCOPE-REGION");
        assertThat(queries.find(new FindDeclarationsQuery(TRADER, new OperatorId("OP-B"), MONTHLY, DECEMBER)).items()).hasSize(1);
        assertThat(queries.find(new FindDeclarationsQuery(TRADER, new OperatorId("OP-C"), MONTHLY, DECEMBER)).items()).isEmpty();
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
            assertThat(e.fix()).isNotBlank();
        });
    }
}
