package org.evgrid.icc.query.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evgrid.icc.query.planning.PlanningWorld.local;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.query.planning.PlanningWorld.Order;
import org.evgrid.icc.query.planning.PlanningWorld.Power;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The allocation inputs of a unit, read from the archive and telemetry read models fed by their real projections. */
class DispatchInputsIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate WEEK_BEFORE = LocalDate.of(2026, 11, 20);
    private static final LocalDate TWO_WEEKS_BEFORE = LocalDate.of(2026, 11, 13);
    private static final Instant NOW = local(TODAY, 10, 7);

    private PlanningWorld world;
    private DispatchInputsQueries queries;

    @BeforeEach
    void start() {
        world = new PlanningWorld();
        queries = new DispatchInputsQueries(world.database(), Clock.fixed(NOW, Slots.ZONE), PlanningSettings.defaults());
        world.batch(List.of(PlanningWorld.unit("AU-1"),
                PlanningWorld.pile("P1", "OP-A", "60.000", "5.000", "0"),
                PlanningWorld.pile("P2", "OP-A", "7.000", "0", "0"),
                PlanningWorld.pile("P3", "OP-B", "11.000", "1.500", "7.500"),
                PlanningWorld.pile("P4", "OP-B", "7.000", "0", "0"),
                PlanningWorld.pile("P5", "OP-B", "7.000", "0", "0"),
                PlanningWorld.pile("P6", "OP-A", "7.000", "0", "0"),
                PlanningWorld.pile("P7", "OP-B", "7.000", "0", "0"),
                PlanningWorld.assign("P1", "AU-1", "OP-A"), PlanningWorld.assign("P2", "AU-1", "OP-A"),
                PlanningWorld.assign("P3", "AU-1", "OP-B"), PlanningWorld.assign("P4", "AU-1", "OP-B"),
                PlanningWorld.assign("P5", "AU-1", "OP-B"), PlanningWorld.assign("P7", "AU-1", "OP-B")));
        world.batch(List.of(PlanningWorld.decommission("P4", "OP-B")));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Map<String, PileDispatchInput> inputs() {
        DispatchInputs inputs = queries.find(new FindDispatchInputsQuery(new AggregationUnitId("AU-1"), TRADING_DAY));
        assertThat(inputs.asOf()).isEqualTo(NOW);
        assertThat(inputs.tradingDay()).isEqualTo(TRADING_DAY);
        return inputs.piles().stream().collect(Collectors.toMap(p -> p.pileId().value(), Function.identity()));
    }

    @Test
    void listsTheUnitsPilesInServiceWithTheirLimitsInWatts() {
        DispatchInputs inputs = queries.find(new FindDispatchInputsQuery(new AggregationUnitId("AU-1"), TRADING_DAY));

        assertThat(inputs.piles()).extracting(p -> p.pileId().value()).containsExactly("P1", "P2", "P3", "P5", "P7");
        PileDispatchInput p1 = inputs.piles().get(0);
        assertThat(p1.operatorId().value()).isEqualTo("OP-A");
        assertThat(p1.ratedW()).isEqualTo(60_000L);
        assertThat(p1.minW()).isEqualTo(5_000L);
        assertThat(p1.maxDischargeW()).isZero();
        PileDispatchInput p3 = inputs.piles().get(2);
        assertThat(p3.ratedW()).isEqualTo(11_000L);
        assertThat(p3.minW()).isEqualTo(1_500L);
        assertThat(p3.maxDischargeW()).isEqualTo(7_500L);
    }

    @Test
    void aPileIsOnlineWhenItsNewestReadingInTheLastFifteenMinutesShowsItInContact() {
        world.power("OP-A", local(TODAY, 9, 55), List.of(Power.ok("P1", 6000), Power.ok("P2", 7000)));
        world.power("OP-A", local(TODAY, 10, 0), List.of(
                new Power("P1", 0, ConnectorStatus.AVAILABLE, DataQuality.OK),
                new Power("P2", 0, ConnectorStatus.FAULTED, DataQuality.OK)));
        world.power("OP-B", local(TODAY, 9, 25), List.of(Power.ok("P5", 7000)));
        world.power("OP-B", local(TODAY, 9, 50), List.of(Power.ok("P7", 7000)));
        world.power("OP-B", local(TODAY, 10, 0), List.of(new Power("P7", 0, ConnectorStatus.UNKNOWN, DataQuality.MISSING)));
        // the interval running now (10:05) is not complete and is not looked at
        world.power("OP-B", local(TODAY, 10, 5), List.of(Power.ok("P3", 7000)));

        Map<String, PileDispatchInput> piles = inputs();

        assertThat(piles.get("P1").online()).as("newest reading AVAILABLE").isTrue();
        assertThat(piles.get("P2").online()).as("newest reading FAULTED").isFalse();
        assertThat(piles.get("P3").online()).as("seen only in the running interval").isFalse();
        assertThat(piles.get("P5").online()).as("last seen 40 minutes ago").isFalse();
        assertThat(piles.get("P7").online()).as("a MISSING reading is no reading; 09:50 CHARGING decides").isTrue();
    }

    @Test
    void aPileNeverSeenInTelemetryIsOffline() {
        assertThat(inputs().values()).allSatisfy(p -> assertThat(p.online()).isFalse());
    }

    @Test
    void expectedSessionsAreTheOrdersOfTheSameWeekdayAWeekEarlierFallingBackToTwoWeeks() {
        world.orders("OP-A", WEEK_BEFORE, List.of(
                new Order("S1", "P1", local(WEEK_BEFORE, 8, 5), local(WEEK_BEFORE, 10, 50), 12_000),
                new Order("ORD.2", "P1", local(WEEK_BEFORE.minusDays(1), 23, 30), local(WEEK_BEFORE, 1, 10), 5_000)));
        world.orders("OP-A", TWO_WEEKS_BEFORE, List.of(
                new Order("S9", "P1", local(TWO_WEEKS_BEFORE, 12, 0), local(TWO_WEEKS_BEFORE, 13, 0), 9_000),
                new Order("S3", "P2", local(TWO_WEEKS_BEFORE, 18, 0), local(TWO_WEEKS_BEFORE, 23, 59).plusSeconds(30), 30_000)));

        Map<String, PileDispatchInput> piles = inputs();

        assertThat(piles.get("P1").sessions()).containsExactly(
                new SessionNeed("ORD.2", 0, 5, 5_000),
                new SessionNeed("S1", 32, 44, 12_000));
        assertThat(piles.get("P2").sessions()).as("no orders a week before: two weeks before")
                .containsExactly(new SessionNeed("S3", 72, 96, 30_000));
        assertThat(piles.get("P3").sessions()).isEmpty();
    }

    @Test
    void anUnknownUnitIsRefused() {
        assertThatThrownBy(() -> queries.find(new FindDispatchInputsQuery(new AggregationUnitId("AU-X"), TRADING_DAY)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-UNIT-NOT-FOUND"));
    }
}
