package org.evgrid.icc.query.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrEventPublishedEvent;
import org.evgrid.icc.coreapi.dr.DrEventView;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrParticipationView;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.dr.DrProgramRegisteredEvent;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrProgramView;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.dr.FindDrEventQuery;
import org.evgrid.icc.coreapi.dr.FindDrEventsQuery;
import org.evgrid.icc.coreapi.dr.FindDrProgramsQuery;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.market.BidAcceptedEvent;
import org.evgrid.icc.coreapi.market.BidAmendedEvent;
import org.evgrid.icc.coreapi.market.BidClearedEvent;
import org.evgrid.icc.coreapi.market.BidDeliveredEvent;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidDraftedEvent;
import org.evgrid.icc.coreapi.market.BidHistoryEntry;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidList;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.BidSubmittedEvent;
import org.evgrid.icc.coreapi.market.BidView;
import org.evgrid.icc.coreapi.market.BidWithdrawnEvent;
import org.evgrid.icc.coreapi.market.FindBidQuery;
import org.evgrid.icc.coreapi.market.FindBidsQuery;
import org.evgrid.icc.coreapi.market.FindMarketNoticesQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketNoticePublishedEvent;
import org.evgrid.icc.coreapi.market.MarketNoticeView;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketProductView;
import org.evgrid.icc.coreapi.market.MarketProducts;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.common.EmbeddedStore;
import org.evgrid.icc.query.common.EventFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The market and demand response read models on mongo-java-server over the real driver. */
class MarketReadModelIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final AggregationUnitId AU1 = new AggregationUnitId("AU-1");
    private static final AggregationUnitId AU2 = new AggregationUnitId("AU-2");
    private static final BidId BID1 = BidId.of("DAY_AHEAD", DAY, AU1);
    private static final BidId BID2 = BidId.of("DAY_AHEAD", DAY, AU2);
    private static final BidId BID3 = BidId.of("DAY_AHEAD", DAY.plusDays(1), AU1);
    private static final DrEventId DRE = new DrEventId("DRE-20261201-01");
    private static final DrProgramId DRP = new DrProgramId("DRP-JS-PEAK");

    private static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    private static final Viewer AUDITOR = new Viewer("auditor", Set.of(Role.AUDITOR), null, null);
    private static final Viewer PLATFORM_A = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-A"), null);
    private static final Viewer STAFF_A = new Viewer("staff-a", Set.of(Role.SETTLEMENT_CLERK), new OperatorId("OP-A"), null);
    private static final Viewer ADMIN = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
    private static final Viewer NANJING = new Viewer("nj", Set.of(Role.TRADER), null, new DataScope(ScopeLevel.CITY, "320100"));

    private EmbeddedStore store;
    private EventFeed feed;
    private MarketQueries market;
    private DemandResponseQueries dr;

    @BeforeEach
    void start() {
        store = new EmbeddedStore();
        feed = new EventFeed(Instant.parse("2026-11-29T01:00:00Z"), new MarketProjection(store.database()),
                new DemandResponseProjection(store.database()));
        market = new MarketQueries(store.database());
        dr = new DemandResponseQueries(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static List<BigDecimal> flat(String kw) {
        return new ArrayList<>(Collections.nCopies(96, new BigDecimal(kw)));
    }

    private EventMessage<?> drafted(BidId id, LocalDate day, AggregationUnitId unit, String kw) {
        return feed.event("bid:" + id.value(), new BidDraftedEvent(id, "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, day,
                day, unit, BidDirection.BUY, null, flat(kw), new BigDecimal("420"), new ForecastId("FC-1"),
                Instant.parse("2026-11-30T02:00:00Z"), 1, "first draft"), "trader-zhao");
    }

    private List<EventMessage<?>> history() {
        String b1 = "bid:" + BID1.value();
        MarketProductRule redefined = new MarketProductRule("DAY_AHEAD", "日前现货", "Day-ahead spot", MarketSegment.DAY_AHEAD_SPOT,
                DeclarationKind.CURVE, PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.of(9, 30)), "SR-SPOT-DA2");
        MarketProductRule added = new MarketProductRule("CAPACITY", "容量", "Capacity", MarketSegment.MEDIUM_LONG_TERM,
                DeclarationKind.ENERGY, PeriodType.MONTH, new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 10, LocalTime.NOON), "SR-CAP");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(feed.event("product:DAY_AHEAD", new MarketProductDefinedEvent(new MarketProductCode("DAY_AHEAD"), redefined, 1,
                "earlier gate"), "trader-qian"));
        events.add(feed.event("product:CAPACITY", new MarketProductDefinedEvent(new MarketProductCode("CAPACITY"), added, 1, "new"),
                "trader-qian"));
        events.add(feed.event("product:GREEN_POWER", new MarketProductRetiredEvent(new MarketProductCode("GREEN_POWER"), 1, "paused"),
                "trader-qian"));
        events.add(drafted(BID1, DAY, AU1, "100"));
        events.add(feed.event(b1, new BidAmendedEvent(BID1, null, flat("110"), new BigDecimal("430"), 2, "more"), "trader-sun"));
        events.add(feed.event(b1, new BidSubmittedEvent(BID1, 2, "REQ-1", "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE,
                DAY, DAY, AU1, BidDirection.BUY, null, flat("110"), new BigDecimal("430"), Instant.parse("2026-11-30T02:00:00Z")),
                "trader-sun"));
        events.add(feed.event(b1, new BidDeliveredEvent(BID1, "REQ-1", 1, "ok"), "center"));
        events.add(feed.event(b1, new BidAcceptedEvent(BID1, "REQ-1", "EX-9"), "exchange"));
        events.add(feed.event(b1, new BidClearedEvent(BID1, "REQ-1", "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, DAY,
                DAY, AU1, BidDirection.BUY, null, flat("105"), flat("400"), Instant.parse("2026-11-30T09:00:00Z"), "EX-9"), "exchange"));
        events.add(drafted(BID2, DAY, AU2, "50"));
        events.add(feed.event("bid:" + BID2.value(), new BidWithdrawnEvent(BID2, 1, "not needed"), "trader-zhao"));
        events.add(drafted(BID3, DAY.plusDays(1), AU1, "80"));
        events.add(feed.event("notice:N1", new MarketNoticePublishedEvent(new MarketNoticeId("MN-1"), "DAY_AHEAD", DAY, "INFO", "Gate moved",
                "body"), "exchange"));
        events.add(feed.event("notice:N2", new MarketNoticePublishedEvent(new MarketNoticeId("MN-2"), "DAY_AHEAD", DAY.plusDays(1), "WARN",
                "Price cap", "body"), "exchange"));
        events.add(feed.event("program:" + DRP.value(), new DrProgramRegisteredEvent(DRP, "Jiangsu peak", DrProgramType.PEAK_SHAVING,
                BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, new BigDecimal("3000"), "SR-DR-PEAK", 1), "exchange"));
        List<DrInterval> intervals = List.of(new DrInterval(72, 80, DrTargetType.LOAD_REDUCTION, new BigDecimal("500")));
        String e = "dr:" + DRE.value();
        events.add(feed.event(e, new DrEventPublishedEvent(DRE, DRP, DrProgramType.PEAK_SHAVING, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY,
                intervals, Instant.parse("2026-11-30T04:00:00Z"), false), "exchange"));
        events.add(feed.event(e, new DrEventOptedInEvent(DRE, AU1, new BigDecimal("400"), DrProgramType.PEAK_SHAVING,
                BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY, intervals, false), "trader-zhao"));
        events.add(feed.event(e, new DrEventOptedInEvent(DRE, AU2, new BigDecimal("100"), DrProgramType.PEAK_SHAVING,
                BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY, intervals, false), "trader-zhao"));
        events.add(feed.event(e, new DrEventOptedOutEvent(DRE, AU2, "maintenance"), "trader-zhao"));
        events.add(feed.event(e, new DrPerformanceReportedEvent(DRE, AU1, flat("900"), flat("500"), flat("400"), new BigDecimal("800"),
                new BigDecimal("800"), List.of(DAY.minusDays(1))), "center"));
        return events;
    }

    @Test
    void productsAreTheDefaultsOverlaidWithDefinitionsAndRetirements() {
        feed.batch(history());

        List<MarketProductView> products = market.handle(new FindMarketProductsQuery(TRADER)).items();
        assertThat(products).hasSize(MarketProducts.defaultRules().size() + 1);
        MarketProductView dayAhead = products.stream().filter(p -> p.rule().code().equals("DAY_AHEAD")).findFirst().orElseThrow();
        assertThat(dayAhead.version()).isEqualTo(1);
        assertThat(dayAhead.definedBy()).isEqualTo("trader-qian");
        assertThat(dayAhead.definedAt()).isNotNull();
        assertThat(dayAhead.rule().gate().localTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(dayAhead.rule().settlementRuleRef()).isEqualTo("SR-SPOT-DA2");
        MarketProductView green = products.stream().filter(p -> p.rule().code().equals("GREEN_POWER")).findFirst().orElseThrow();
        assertThat(green.retired()).isTrue();
        assertThat(green.rule().settlementRuleRef()).isEqualTo("SR-GREEN");
        MarketProductView monthly = products.stream().filter(p -> p.rule().code().equals("MLT_MONTHLY")).findFirst().orElseThrow();
        assertThat(monthly.version()).isZero();
        assertThat(monthly.definedBy()).isNull();
        assertThat(products).extracting(p -> p.rule().code()).contains("CAPACITY");
    }

    @Test
    void aBidShowsItsLifecycleWithTheSignerOfEachStep() {
        feed.batch(history());

        BidView bid = market.handle(new FindBidQuery(TRADER, BID1));
        assertThat(bid.status()).isEqualTo(BidStatus.CLEARED);
        assertThat(bid.version()).isEqualTo(2);
        assertThat(bid.curveKw().get(0)).isEqualByComparingTo("110");
        assertThat(bid.limitPriceCnyPerMwh()).isEqualByComparingTo("430");
        assertThat(bid.basisForecastId()).isEqualTo(new ForecastId("FC-1"));
        assertThat(bid.requestId()).isEqualTo("REQ-1");
        assertThat(bid.deliveryAttempts()).isEqualTo(1);
        assertThat(bid.exchangeReference()).isEqualTo("EX-9");
        assertThat(bid.clearedCurveKw().get(95)).isEqualByComparingTo("105");
        assertThat(bid.clearingPricesCnyPerMwh().get(0)).isEqualByComparingTo("400");
        assertThat(bid.history()).extracting(BidHistoryEntry::step)
                .containsExactly("DRAFTED", "AMENDED", "SUBMITTED", "DELIVERED", "ACCEPTED", "CLEARED");
        assertThat(bid.history()).extracting(BidHistoryEntry::signer)
                .containsExactly("trader-zhao", "trader-sun", "trader-sun", "center", "exchange", "exchange");
        assertThat(bid.history()).extracting(BidHistoryEntry::version).containsExactly(1, 2, 2, 2, 2, 2);
        assertThat(market.handle(new FindBidQuery(TRADER, new BidId("BID-NONE")))).isNull();
    }

    @Test
    void bidsAreListedNewestPeriodFirstWithFiltersAndPages() {
        feed.batch(history());

        BidList all = market.handle(new FindBidsQuery(AUDITOR, null, null, null, null, null, 0, 10));
        assertThat(all.items()).extracting(BidView::bidId).containsExactly(BID3, BID1, BID2);
        assertThat(market.handle(new FindBidsQuery(TRADER, "DAY_AHEAD", AU1, null, DAY, DAY, 0, 10)).items())
                .extracting(BidView::bidId).containsExactly(BID1);
        assertThat(market.handle(new FindBidsQuery(TRADER, null, null, BidStatus.WITHDRAWN, DAY, DAY.plusDays(3), 0, 10)).items())
                .extracting(BidView::bidId).containsExactly(BID2);
        BidList page = market.handle(new FindBidsQuery(TRADER, null, null, null, DAY, DAY.plusDays(1), 1, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(BidView::bidId).containsExactly(BID2);
        assertThat(market.handle(new FindBidsQuery(TRADER, "GREEN_POWER", null, null, null, null, 0, 10)).total()).isZero();
    }

    @Test
    void noticesAreListedByTradingDayNewestFirst() {
        feed.batch(history());

        assertThat(market.handle(new FindMarketNoticesQuery(TRADER, DAY, DAY.plusDays(1))).items())
                .extracting(MarketNoticeView::noticeId).containsExactly(new MarketNoticeId("MN-2"), new MarketNoticeId("MN-1"));
        MarketNoticeView notice = market.handle(new FindMarketNoticesQuery(TRADER, DAY, DAY)).items().get(0);
        assertThat(notice.title()).isEqualTo("Gate moved");
        assertThat(notice.receivedAt()).isNotNull();
    }

    @Test
    void demandResponseEventsShowParticipationsAndPerformance() {
        feed.batch(history());

        List<DrProgramView> programs = dr.handle(new FindDrProgramsQuery(TRADER)).items();
        assertThat(programs).extracting(DrProgramView::programId).containsExactly(DRP);
        assertThat(programs.get(0).priceCnyPerMwh()).isEqualByComparingTo("3000");

        DrEventView event = dr.handle(new FindDrEventQuery(TRADER, DRE));
        assertThat(event.intervals()).containsExactly(new DrInterval(72, 80, DrTargetType.LOAD_REDUCTION, new BigDecimal("500")));
        assertThat(event.participations()).extracting(DrParticipationView::unitId).containsExactly(AU1, AU2);
        DrParticipationView au1 = event.participations().get(0);
        assertThat(au1.optedIn()).isTrue();
        assertThat(au1.committedKw()).isEqualByComparingTo("400");
        assertThat(au1.deliveredKwh()).isEqualByComparingTo("800");
        assertThat(au1.performanceKw()).hasSize(96);
        assertThat(event.participations().get(1).optedIn()).isFalse();
        assertThat(dr.handle(new FindDrEventsQuery(TRADER, DAY, DAY)).items()).extracting(DrEventView::eventId).containsExactly(DRE);
        assertThat(dr.handle(new FindDrEventsQuery(TRADER, DAY.plusDays(1), null)).items()).isEmpty();
    }

    @Test
    void operatorPlatformsAdministratorsAndRegionLimitedViewersMayNotReadMarketData() {
        feed.batch(history());

        assertThatThrownBy(() -> market.handle(new FindBidQuery(PLATFORM_A, BID1)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-ROLE"));
        assertThatThrownBy(() -> market.handle(new FindBidsQuery(STAFF_A, null, null, null, null, null, 0, 10)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-OPERATOR"));
        assertThatThrownBy(() -> dr.handle(new FindDrProgramsQuery(ADMIN)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-ADMIN"));
        assertThatThrownBy(() -> market.handle(new FindMarketProductsQuery(NANJING)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-REGION"));
        assertThatThrownBy(() -> market.handle(new FindBidsQuery(TRADER, null, null, null, null, null, 0, 0)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PAGE-SIZE-INVALID"));
    }

    @Test
    void reDeliveringEveryEventLeavesTheSameDocuments() {
        List<EventMessage<?>> events = history();
        feed.batch(events);
        Map<String, Map<String, String>> once = store.snapshot();

        feed.batches(events, 4);
        feed.batch(events);

        assertThat(store.snapshot()).isEqualTo(once);
        assertThat(market.handle(new FindBidQuery(TRADER, BID1)).history()).hasSize(6);
    }
}
