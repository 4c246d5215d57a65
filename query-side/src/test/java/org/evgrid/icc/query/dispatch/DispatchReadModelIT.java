package org.evgrid.icc.query.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationCauseAssignedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationHandledEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationList;
import org.evgrid.icc.coreapi.dispatch.DeviationRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DeviationView;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanView;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.FindDeviationQuery;
import org.evgrid.icc.coreapi.dispatch.FindDeviationsQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlanQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlansQuery;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionResult;
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionView;
import org.evgrid.icc.coreapi.dispatch.IntervalExecutionRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.OperatorDeviation;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.PileDeviation;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.common.EmbeddedStore;
import org.evgrid.icc.query.common.EventFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatch read model on mongo-java-server over the real driver, fed the way a tracking processor feeds it. */
class DispatchReadModelIT {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final AggregationUnitId AU1 = new AggregationUnitId("AU-1");
    static final OperatorId OP_A = new OperatorId("OP-A");
    static final OperatorId OP_B = new OperatorId("OP-B");
    static final DispatchPlanId PLAN = DispatchPlanId.forBid(BidId.of("DAY_AHEAD", DAY, AU1));
    static final DispatchPlanId PLAN2 = DispatchPlanId.forBid(BidId.of("DAY_AHEAD", DAY.plusDays(1), AU1));
    static final DeviationId Q01 = DeviationId.of(PLAN, 1);
    static final DeviationId Q02 = DeviationId.of(PLAN, 2);

    static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), null, null);
    static final Viewer PLATFORM_A = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), OP_A, null);
    static final Viewer PLATFORM_B = new Viewer("platform-b", Set.of(Role.OPERATOR_PLATFORM), OP_B, null);
    static final Viewer ADMIN = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
    static final Viewer JIANGSU = new Viewer("js", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.PROVINCE, "320000"));

    private EmbeddedStore store;
    private EventFeed feed;
    private DispatchQueries queries;

    @BeforeEach
    void start() {
        store = new EmbeddedStore();
        feed = new EventFeed(Instant.parse("2026-11-30T08:00:00Z"), new DispatchPlanProjection(store.database()));
        queries = new DispatchQueries(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static List<BigDecimal> flat(String kw) {
        return new ArrayList<>(Collections.nCopies(96, new BigDecimal(kw)));
    }

    static BigDecimal kw(String value) {
        return new BigDecimal(value);
    }

    /** The events of plan 1 (two operators, executed two intervals, two deviations) and plan 2 (operator A only). */
    List<EventMessage<?>> history() {
        String p1 = "plan:" + PLAN.value();
        String p2 = "plan:" + PLAN2.value();
        InstructionId ia = InstructionId.of(PLAN, OP_A);
        InstructionId ib = InstructionId.of(PLAN, OP_B);
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(feed.event(p1, new DispatchPlanProposedEvent(PLAN, 1, AU1, DAY, DispatchSourceKind.MARKET_CLEARING, "BID-1",
                flat("100"), flat("100"), kw("5"), 3, 0,
                List.of(new OperatorShare(OP_A, 2, flat("60"), kw("1440")), new OperatorShare(OP_B, 1, flat("40"), kw("960"))),
                List.of("all feasible"), "FAIR-1", "digest-1"), "center"));
        events.add(feed.event(p1, new DispatchPlanApprovedEvent(PLAN, 1, "ok"), "dispatcher-li"));
        events.add(feed.event(p1, new DispatchInstructionIssuedEvent(ia, PLAN, 1, OP_A, AU1, DAY, 2, flat("60"), "d-a",
                feed.now().plusSeconds(900)), "center"));
        events.add(feed.event(p1, new DispatchInstructionIssuedEvent(ib, PLAN, 1, OP_B, AU1, DAY, 1, flat("40"), "d-b",
                feed.now().plusSeconds(900)), "center"));
        events.add(feed.event(p1, new DispatchPlanIssuedEvent(PLAN, 1, 2), "center"));
        events.add(feed.event(p1, new InstructionRespondedEvent(ia, PLAN, OP_A, InstructionResponse.ACCEPTED, null), "center"));
        events.add(feed.event(p1, new InstructionRespondedEvent(ib, PLAN, OP_B, InstructionResponse.REJECTED, "no capacity"), "center"));
        events.add(feed.event(p1, new InstructionResultReportedEvent(ia, PLAN, OP_A, InstructionResult.ACCEPTED, 2, List.of(), "applied"),
                "platform-a"));
        events.add(feed.event(p1, new IntervalExecutionRecordedEvent(PLAN, 0, Instant.parse("2026-11-30T16:00:00Z"), kw("100"), kw("100"),
                kw("0"), kw("0"), true, true, 3, 3), "center"));
        events.add(feed.event(p1, new IntervalExecutionRecordedEvent(PLAN, 1, Instant.parse("2026-11-30T16:15:00Z"), kw("100"), kw("80"),
                kw("-20"), kw("-20"), false, true, 3, 3), "center"));
        events.add(feed.event(p1, new DeviationRecordedEvent(Q01, PLAN, AU1, DAY, 1, Instant.parse("2026-11-30T16:15:00Z"), DeviationKind.UNDER,
                kw("100"), kw("80"), kw("-20"), kw("-20"), kw("5"),
                List.of(new OperatorDeviation(OP_A, 2, 2, kw("60"), kw("55"), kw("-5")),
                        new OperatorDeviation(OP_B, 1, 1, kw("40"), kw("25"), kw("-15"))),
                List.of(new PileDeviation(new PileId("PB-1"), OP_B, kw("40"), kw("25"), kw("-15")),
                        new PileDeviation(new PileId("PA-1"), OP_A, kw("30"), kw("25"), kw("-5")))), "center"));
        events.add(feed.event(p1, new DeviationCauseAssignedEvent(Q01, PLAN, DeviationCause.INSTRUCTION_REJECTED, "B refused"), "dispatcher-wang"));
        events.add(feed.event(p1, new DeviationHandledEvent(Q01, PLAN, "called B", "B restored"), "dispatcher-wang"));
        events.add(feed.event(p1, new DeviationClosedEvent(Q01, PLAN, AU1, DAY, 1, DeviationKind.UNDER, kw("-20"),
                DeviationCause.INSTRUCTION_REJECTED, "called B", "B restored", "settle as rejected"), "dispatcher-wang"));
        events.add(feed.event(p1, new DeviationRecordedEvent(Q02, PLAN, AU1, DAY, 2, Instant.parse("2026-11-30T16:30:00Z"),
                DeviationKind.MISSING_TELEMETRY, kw("100"), null, null, null, kw("5"),
                List.of(new OperatorDeviation(OP_B, 1, 0, kw("40"), null, null)), List.of()), "center"));
        events.add(feed.event(p2, new DispatchPlanProposedEvent(PLAN2, 1, AU1, DAY.plusDays(1), DispatchSourceKind.MARKET_CLEARING, "BID-2",
                flat("50"), flat("50"), kw("5"), 2, 1, List.of(new OperatorShare(OP_A, 2, flat("50"), kw("1200"))), List.of(), "FAIR-1",
                "digest-2"), "center"));
        return events;
    }

    @Test
    void aPlanShowsItsApprovalInstructionsExecutionAndDeviationCounts() {
        feed.batch(history());

        DispatchPlanView plan = queries.handle(new FindDispatchPlanQuery(TRADER, PLAN));
        assertThat(plan.status()).isEqualTo(DispatchPlanStatus.EXECUTING);
        assertThat(plan.approvedBy()).isEqualTo("dispatcher-li");
        assertThat(plan.approvedAt()).isNotNull();
        assertThat(plan.operators()).extracting(OperatorShare::operatorId).containsExactly(OP_A, OP_B);
        assertThat(plan.instructions()).extracting(InstructionView::status).containsExactly(InstructionStatus.COMPLETED,
                InstructionStatus.REJECTED);
        InstructionView a = plan.instructions().get(0);
        assertThat(a.appliedPiles()).isEqualTo(2);
        assertThat(a.plannedKwh()).isEqualByComparingTo("1440");
        assertThat(plan.instructions().get(1).responseMessage()).isEqualTo("no capacity");
        assertThat(plan.actualKw().get(0)).isEqualByComparingTo("100");
        assertThat(plan.actualKw().get(1)).isEqualByComparingTo("80");
        assertThat(plan.actualKw().get(2)).isNull();
        assertThat(plan.targetKw()).hasSize(96);
        assertThat(plan.intervalsRecorded()).isEqualTo(2);
        assertThat(plan.deviations()).isEqualTo(2);
        assertThat(plan.openDeviations()).isEqualTo(1);
        assertThat(plan.notes()).containsExactly("all feasible");
        assertThat(queries.handle(new FindDispatchPlanQuery(TRADER, new DispatchPlanId("DP-NONE")))).isNull();
    }

    @Test
    void plansAreListedByTradingDayNewestFirstAndFilteredByUnitAndStatus() {
        feed.batch(history());

        DispatchPlanList all = queries.handle(new FindDispatchPlansQuery(REGULATOR, DAY, DAY.plusDays(1), null, null));
        assertThat(all.items()).extracting(DispatchPlanView::planId).containsExactly(PLAN2, PLAN);
        assertThat(queries.handle(new FindDispatchPlansQuery(TRADER, DAY, DAY, null, null)).items()).hasSize(1);
        assertThat(queries.handle(new FindDispatchPlansQuery(TRADER, null, null, AU1, DispatchPlanStatus.PROPOSED)).items())
                .extracting(DispatchPlanView::planId).containsExactly(PLAN2);
        assertThat(queries.handle(new FindDispatchPlansQuery(TRADER, DAY, DAY.plusDays(1), new AggregationUnitId("AU-9"), null)).items())
                .isEmpty();
    }

    @Test
    void deviationsCarryTheirHandlingAndTheSignerWhoClosedThem() {
        feed.batch(history());

        DeviationView closed = queries.handle(new FindDeviationQuery(TRADER, Q01));
        assertThat(closed.status()).isEqualTo(DeviationStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("dispatcher-wang");
        assertThat(closed.cause()).isEqualTo(DeviationCause.INSTRUCTION_REJECTED);
        assertThat(closed.causeDetail()).isEqualTo("B refused");
        assertThat(closed.method()).isEqualTo("called B");
        assertThat(closed.conclusion()).isEqualTo("settle as rejected");
        assertThat(closed.byOperator()).hasSize(2);

        DeviationList all = queries.handle(new FindDeviationsQuery(TRADER, DAY, DAY, null, null, null, 0, 50));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(DeviationView::deviationId).containsExactly(Q02, Q01);
        assertThat(queries.handle(new FindDeviationsQuery(TRADER, DAY, DAY, null, null, DeviationStatus.OPEN, 0, 50)).items())
                .extracting(DeviationView::deviationId).containsExactly(Q02);
        assertThat(queries.handle(new FindDeviationsQuery(TRADER, null, null, PLAN, null, null, 0, 50)).total()).isEqualTo(2);
        DeviationList secondPage = queries.handle(new FindDeviationsQuery(TRADER, DAY, DAY, null, null, null, 1, 1));
        assertThat(secondPage.total()).isEqualTo(2);
        assertThat(secondPage.items()).extracting(DeviationView::deviationId).containsExactly(Q01);
        assertThat(queries.handle(new FindDeviationsQuery(TRADER, DAY.plusDays(1), DAY.plusDays(1), null, null, null, 0, 50)).total())
                .isZero();
    }

    @Test
    void anOperatorPlatformSeesOnlyItsOwnShareInstructionAndContributions() {
        feed.batch(history());

        DispatchPlanView plan = queries.handle(new FindDispatchPlanQuery(PLATFORM_A, PLAN));
        assertThat(plan.operators()).extracting(OperatorShare::operatorId).containsExactly(OP_A);
        assertThat(plan.instructions()).extracting(InstructionView::operatorId).containsExactly(OP_A);
        assertThat(queries.handle(new FindDispatchPlanQuery(PLATFORM_B, PLAN2))).isNull();
        assertThat(queries.handle(new FindDispatchPlansQuery(PLATFORM_B, DAY, DAY.plusDays(1), null, null)).items())
                .extracting(DispatchPlanView::planId).containsExactly(PLAN);

        DeviationList mine = queries.handle(new FindDeviationsQuery(PLATFORM_A, DAY, DAY, null, null, null, 0, 50));
        assertThat(mine.items()).extracting(DeviationView::deviationId).containsExactly(Q01);
        DeviationView q01 = mine.items().get(0);
        assertThat(q01.byOperator()).extracting(OperatorDeviation::operatorId).containsExactly(OP_A);
        assertThat(q01.topPiles()).extracting(PileDeviation::pileId).containsExactly(new PileId("PA-1"));
        assertThat(queries.handle(new FindDeviationQuery(PLATFORM_A, Q02))).isNull();
        assertThat(queries.handle(new FindDeviationQuery(PLATFORM_B, Q02)).byOperator()).hasSize(1);
    }

    @Test
    void administratorsRegionLimitedViewersAndBadPagesAreRefused() {
        feed.batch(history());

        assertThatThrownBy(() -> queries.handle(new FindDispatchPlanQuery(ADMIN, PLAN)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-ADMIN"));
        assertThatThrownBy(() -> queries.handle(new FindDeviationsQuery(JIANGSU, DAY, DAY, null, null, null, 0, 10)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-REGION"));
        assertThatThrownBy(() -> queries.handle(new FindDeviationsQuery(TRADER, DAY, DAY, null, null, null, 0, 501)))
                .isInstanceOfSatisfying(IccException.class, e -> {
                    assertThat(e.code()).isEqualTo("ICC-PAGE-SIZE-INVALID");
                    assertThat(e.fix()).isNotBlank();
                });
        assertThatThrownBy(() -> queries.handle(new FindDeviationsQuery(TRADER, DAY, DAY, null, null, null, -1, 10)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PAGE-INVALID"));
        assertThatThrownBy(() -> queries.handle(new FindDispatchPlansQuery(TRADER, DAY.plusDays(1), DAY, null, null)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-RANGE-INVALID"));
    }

    @Test
    void aBatchIsWrittenWithOneCommandPerCollection() {
        List<EventMessage<?>> events = history();
        store.takeWriteCommands();

        feed.batch(events);

        assertThat(store.takeWriteCommands()).containsExactlyInAnyOrder("update:dsp_plans", "update:dsp_days", "update:dsp_deviations");
    }

    @Test
    void reDeliveringEveryEventLeavesTheSameDocuments() {
        List<EventMessage<?>> events = history();
        feed.batch(events);
        Map<String, Map<String, String>> once = store.snapshot();

        feed.batches(events, 3);
        feed.batch(events);

        assertThat(store.snapshot()).isEqualTo(once);
    }
}
