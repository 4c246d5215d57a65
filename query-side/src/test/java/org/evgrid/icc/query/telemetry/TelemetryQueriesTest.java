package org.evgrid.icc.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.evgrid.icc.query.telemetry.Telemetry.DAY;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.CompletenessView;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.CurrentIntervalView;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyView;
import org.evgrid.icc.coreapi.telemetry.FindCompletenessQuery;
import org.evgrid.icc.coreapi.telemetry.FindCurrentIntervalQuery;
import org.evgrid.icc.coreapi.telemetry.FindEnergyQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadStatisticsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileGapsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileHistoryQuery;
import org.evgrid.icc.coreapi.telemetry.LoadComparison;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadStatisticsView;
import org.evgrid.icc.coreapi.telemetry.PileGapPage;
import org.evgrid.icc.coreapi.telemetry.PileGapView;
import org.evgrid.icc.coreapi.telemetry.PileHistoryView;
import org.evgrid.icc.query.telemetry.Telemetry.Energy;
import org.evgrid.icc.query.telemetry.Telemetry.Order;
import org.evgrid.icc.query.telemetry.Telemetry.Power;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TelemetryQueriesTest {

    private static final TelemetryStore STORE = TelemetryStore.inMemory();
    /** 12:00 local on DAY: slots 0..144 have started. */
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    private static final Viewer HQ = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    private static final Viewer PLATFORM_A = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OPA"), null);
    private static final Viewer XUANWU = new Viewer("xw", Set.of(Role.DISPATCHER), null, new DataScope(ScopeLevel.WORK_AREA, "320102"));
    private static final Viewer ADMIN = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
    private static final Viewer GATEWAY = new Viewer("gw", Set.of(Role.EXCHANGE_GATEWAY), null, null);

    private static TelemetryQueries queries;

    @BeforeAll
    static void world() {
        MongoDatabase db = STORE.database();
        RollupRunner runner = new RollupRunner(db);
        runner.batch(List.of(Telemetry.pile("P1", "OPA", "320102"), Telemetry.pile("P2", "OPA", "320102"),
                Telemetry.pile("P3", "OPA", "320205"), Telemetry.pile("Q1", "OPB", "320102"),
                Telemetry.assign("P1", "U1", "OPA")));
        runner.batch(List.of(
                Telemetry.power(db, "OPA", "LW0", Slots.start(DAY.minusWeeks(1), 0), List.of(Power.ok("P1", 4000))),
                Telemetry.power(db, "OPA", "B0", Telemetry.slot(0), List.of(Power.ok("P1", 6000), Power.ok("P2", 3000))),
                Telemetry.power(db, "OPA", "B1a", Telemetry.slot(1), List.of(Power.ok("P1", 5000), Power.ok("P2", 3000)))));
        runner.batch(List.of(
                Telemetry.power(db, "OPA", "B1b", Telemetry.slot(1), List.of(Power.ok("P1", 9000))),
                Telemetry.power(db, "OPA", "B2", Telemetry.slot(2), List.of(Power.ok("P1", 3000),
                        new Power("P2", 0, 0, ConnectorStatus.UNKNOWN, DataQuality.MISSING))),
                Telemetry.power(db, "OPB", "Q0", Telemetry.slot(2), List.of(Power.ok("Q1", 1000))),
                Telemetry.energy(db, "OPA", "E1", DAY, List.of(new Energy("P1", 40_000, DataQuality.OK))),
                Telemetry.orders(db, "OPA", "O1", DAY, List.of(new Order("S1", "P1", 20_000, 1200, 300)))));
        runner.batch(List.of(Telemetry.power(db, "OPA", "B8", Telemetry.slot(8),
                List.of(Power.ok("P1", 1000), Power.ok("P2", 1000), Power.ok("P3", 1000)))));
        queries = new TelemetryQueries(db, NOON, TelemetrySettings.defaults());
    }

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void theLoadCurveOfAnOperatorHasOnePointPerIntervalWithPeakAverageAndLoadFactor() {
        LoadCurveView curve = queries.loadCurve(new FindLoadCurveQuery(HQ, PileDimension.OPERATOR, "OPA", DAY, DAY, 5));

        assertThat(curve.points()).hasSize(288);
        assertThat(curve.points().get(0).avgKw()).isEqualByComparingTo("9.000");
        assertThat(curve.points().get(1).avgKw()).isEqualByComparingTo("12.000");
        assertThat(curve.points().get(2).avgKw()).isEqualByComparingTo("3.000");
        assertThat(curve.points().get(2).reporting()).isEqualTo(1);
        assertThat(curve.points().get(3).avgKw()).isNull();
        assertThat(curve.peakKw()).isEqualByComparingTo("12.000");
        assertThat(curve.peakAt()).isEqualTo(Telemetry.slot(1));
        assertThat(curve.averageKw()).isEqualByComparingTo("6.750");
        assertThat(curve.loadFactor()).isEqualByComparingTo("0.5625");
    }

    @Test
    void aFifteenMinuteCurveAveragesTheReportedFiveMinuteValues() {
        LoadCurveView curve = queries.loadCurve(new FindLoadCurveQuery(HQ, PileDimension.OPERATOR, "OPA", DAY, DAY, 15));

        assertThat(curve.points()).hasSize(96);
        assertThat(curve.points().get(0).avgKw()).isEqualByComparingTo("8.000");
        assertThat(curve.points().get(0).reporting()).isEqualTo(2);
        assertThat(curve.points().get(2).avgKw()).isEqualByComparingTo("3.000");
    }

    @Test
    void aSinglePilesCurveShowsItsLatestValues() {
        LoadCurveView curve = queries.loadCurve(new FindLoadCurveQuery(HQ, null, "P1", DAY, DAY, 5));

        assertThat(curve.points().get(1).avgKw()).isEqualByComparingTo("9.000");
        assertThat(curve.peakKw()).isEqualByComparingTo("9.000");
    }

    @Test
    void energyByDayAndByMonthComesFromPowerMeteringAndOrders() {
        EnergyView days = queries.energy(new FindEnergyQuery(HQ, PileDimension.OPERATOR, "OPA", DAY.minusDays(1), DAY, false));
        assertThat(days.points()).hasSize(2);
        assertThat(days.points().get(0).powerEnergyKwh()).isEqualByComparingTo("0");
        assertThat(days.points().get(1).powerEnergyKwh()).isEqualByComparingTo("2.250");
        assertThat(days.points().get(1).meteredKwh()).isEqualByComparingTo("40.000");
        assertThat(days.points().get(1).orderCount()).isEqualTo(1);
        assertThat(days.points().get(1).orderKwh()).isEqualByComparingTo("20.000");
        assertThat(days.points().get(1).orderFeeYuan()).isEqualByComparingTo("15.00");
        assertThat(days.points().get(1).peakKw()).isEqualByComparingTo("12.000");

        EnergyView months = queries.energy(new FindEnergyQuery(HQ, PileDimension.OPERATOR, "OPA", DAY.withDayOfMonth(1), DAY, true));
        assertThat(months.points()).hasSize(1);
        assertThat(months.points().get(0).powerEnergyKwh()).isEqualByComparingTo("2.583");
        assertThat(months.total().meteredKwh()).isEqualByComparingTo("40.000");
    }

    @Test
    void statisticsCompareWithTheSamePeriodLastWeekMonthAndYear() {
        LoadStatisticsView stats = queries.statistics(new FindLoadStatisticsQuery(HQ, PileDimension.OPERATOR, "OPA", DAY, DAY));

        assertThat(stats.current().peakKw()).isEqualByComparingTo("12.000");
        assertThat(stats.current().averageKw()).isEqualByComparingTo("6.750");
        assertThat(stats.current().energyKwh()).isEqualByComparingTo("2.250");
        LoadComparison week = stats.comparisons().get(0);
        assertThat(week.basis()).isEqualTo("WEEK");
        assertThat(week.earlier().peakKw()).isEqualByComparingTo("4.000");
        assertThat(week.peakChangeKw()).isEqualByComparingTo("8.000");
        assertThat(week.peakChangePercent()).isEqualByComparingTo("200.00");
        LoadComparison year = stats.comparisons().get(2);
        assertThat(year.earlier().peakKw()).isNull();
        assertThat(year.peakChangePercent()).isNull();
    }

    @Test
    void theCurrentIntervalIsTheLatestWithData() {
        CurrentIntervalView unit = queries.current(new FindCurrentIntervalQuery(HQ, PileDimension.UNIT, "U1"));
        assertThat(unit.intervalStart()).isEqualTo(Telemetry.slot(8));
        assertThat(unit.powerKw()).isEqualByComparingTo("1.000");
        assertThat(unit.activePiles()).isEqualTo(1);

        CurrentIntervalView operator = queries.current(new FindCurrentIntervalQuery(HQ, PileDimension.OPERATOR, "OPA"));
        assertThat(operator.reporting()).isEqualTo(3);
        assertThat(operator.activePiles()).isEqualTo(3);
    }

    @Test
    void aPilesHistoryShowsLatestValuesSupersededVersionsAndMissingIntervals() {
        PileHistoryView history = queries.pileHistory(new FindPileHistoryQuery(HQ, new PileId("P1"), DAY));

        assertThat(history.latest()).extracting(v -> v.avgKw().toPlainString())
                .containsExactly("6.000", "9.000", "3.000", "1.000");
        assertThat(history.latest().get(1).batchId()).isEqualTo("B1b");
        assertThat(history.superseded()).hasSize(1);
        assertThat(history.superseded().get(0).avgKw()).isEqualByComparingTo("5.000");
        assertThat(history.superseded().get(0).start()).isEqualTo(Telemetry.slot(1));
        assertThat(history.missing()).hasSize(145 - 4);
    }

    @Test
    void completenessComparesReportingWithActivePilesAndListsTheAlarms() {
        CompletenessView view = queries.completeness(new FindCompletenessQuery(HQ, new OperatorId("OPA"), DAY));

        assertThat(view.points()).hasSize(145);
        assertThat(view.points().get(0).reporting()).isEqualTo(2);
        assertThat(view.points().get(0).active()).isEqualTo(3);
        assertThat(view.points().get(0).ratio()).isEqualByComparingTo("0.6667");
        assertThat(view.points().get(8).ratio()).isEqualByComparingTo("1");
        assertThat(view.alarms()).extracting(a -> a.id()).containsExactly("OPA|202611260000", "OPA|202611260005",
                "OPA|202611260010", "OPA|202611260015", "OPA|202611260020");
        assertThat(view.alarms().get(2).level()).isEqualTo("MAJOR");
        assertThat(view.alarms().get(0).level()).isEqualTo("WARNING");
        assertThat(view.alarms().get(0).module()).isEqualTo("telemetry-rollups");
    }

    @Test
    void theGapReportListsAnOperatorsPilesWithMissingIntervals() {
        PileGapPage page = queries.gaps(new FindPileGapsQuery(HQ, new OperatorId("OPA"), DAY, 0));

        assertThat(page.totalPiles()).isEqualTo(3);
        assertThat(page.piles()).extracting(PileGapView::pileId, PileGapView::missingIntervals)
                .containsExactly(tuple("P1", 141), tuple("P2", 142),
                        tuple("P3", 144));
        assertThat(queries.gaps(new FindPileGapsQuery(HQ, new OperatorId("OPA"), DAY, 1)).piles()).isEmpty();
    }

    @Test
    void anOperatorPlatformSeesItsOwnOperatorAndPilesOnly() {
        assertThat(queries.loadCurve(new FindLoadCurveQuery(PLATFORM_A, PileDimension.OPERATOR, "OPA", DAY, DAY, 60)).points())
                .hasSize(24);
        assertThat(queries.pileHistory(new FindPileHistoryQuery(PLATFORM_A, new PileId("P1"), DAY)).latest()).isNotEmpty();
        assertThatThrownBy(() -> queries.loadCurve(new FindLoadCurveQuery(PLATFORM_A, PileDimension.OPERATOR, "OPB", DAY, DAY, 5)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-SCOPE-OPERATOR");
        assertThatThrownBy(() -> queries.pileHistory(new FindPileHistoryQuery(PLATFORM_A, new PileId("Q1"), DAY)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-TEL-PILE-NOT-FOUND");
        assertThatThrownBy(() -> queries.statistics(new FindLoadStatisticsQuery(PLATFORM_A, PileDimension.UNIT, "U1", DAY, DAY)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-SCOPE-OPERATOR");
    }

    @Test
    void aRegionalViewerSeesRegionKeysInsideItsAreaOnly() {
        assertThat(queries.current(new FindCurrentIntervalQuery(XUANWU, PileDimension.DISTRICT, "320102")).reporting()).isEqualTo(2);
        assertThatThrownBy(() -> queries.current(new FindCurrentIntervalQuery(XUANWU, PileDimension.DISTRICT, "320205")))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-SCOPE-REGION");
        assertThatThrownBy(() -> queries.completeness(new FindCompletenessQuery(XUANWU, new OperatorId("OPA"), DAY)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-SCOPE-REGION");
        assertThatThrownBy(() -> queries.pileHistory(new FindPileHistoryQuery(XUANWU, new PileId("P3"), DAY)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-TEL-PILE-NOT-FOUND");
    }

    @Test
    void administratorsAndRolesWithoutTelemetryAccessAreRefused() {
        assertThatThrownBy(() -> queries.current(new FindCurrentIntervalQuery(ADMIN, PileDimension.OPERATOR, "OPA")))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-SCOPE-ADMIN");
        assertThatThrownBy(() -> queries.current(new FindCurrentIntervalQuery(GATEWAY, PileDimension.OPERATOR, "OPA")))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-TEL-ROLE");
    }

    @Test
    void invalidRangesAndResolutionsAreRefused() {
        assertThatThrownBy(() -> queries.loadCurve(new FindLoadCurveQuery(HQ, PileDimension.OPERATOR, "OPA", DAY, DAY, 10)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-TEL-RESOLUTION");
        assertThatThrownBy(() -> queries.loadCurve(new FindLoadCurveQuery(HQ, PileDimension.OPERATOR, "OPA", DAY, DAY.minusDays(1), 5)))
                .isInstanceOf(IccException.class).hasFieldOrPropertyWithValue("code", "ICC-TEL-RANGE");
    }
}
