package org.evgrid.icc.infra.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.telemetry.ChargingUserType;
import org.junit.jupiter.api.Test;

class TouTariffAndPilesTest {

    @Test
    void timeOfUsePeriodsFollowTheLocalHourAndTheSharpPeakOnlyInPeakMonths() {
        assertThat(TouTariff.period(11, 3 * 60)).isEqualTo(TouTariff.Period.VALLEY);
        assertThat(TouTariff.period(11, 9 * 60)).isEqualTo(TouTariff.Period.PEAK);
        assertThat(TouTariff.period(11, 12 * 60)).isEqualTo(TouTariff.Period.FLAT);
        assertThat(TouTariff.period(11, 19 * 60 + 30)).isEqualTo(TouTariff.Period.PEAK);
        assertThat(TouTariff.period(7, 19 * 60 + 30)).isEqualTo(TouTariff.Period.SHARP);
        assertThat(TouTariff.period(7, 21 * 60)).isEqualTo(TouTariff.Period.PEAK);
        assertThat(TouTariff.period(7, 23 * 60 + 55)).isEqualTo(TouTariff.Period.FLAT);
        assertThat(TouTariff.DEFAULT.fenPerKwh(TouTariff.Period.SHARP)).isGreaterThan(TouTariff.DEFAULT.fenPerKwh(TouTariff.Period.VALLEY));
        assertThat(TouTariff.serviceFenPerKwh(ChargingUserType.BUS)).isLessThan(TouTariff.serviceFenPerKwh(ChargingUserType.PUBLIC));
    }

    @Test
    void archivePilesBecomeSimulatedPilesWithTheUsualProfileOfTheirType() {
        OperatorId op = new OperatorId("OP-X");
        Map<UsageProfile, Integer> ac = new EnumMap<>(UsageProfile.class);
        for (int i = 0; i < 1_000; i++) {
            SimPile p = SimPile.of(op, new PileSpec(new PileId("P-" + i), new StationId("S-1"), PileType.AC, new BigDecimal("7.000"),
                    new BigDecimal("1.400"), BigDecimal.ZERO, 1));
            assertThat(p.ratedW()).isEqualTo(7_000);
            assertThat(p.operatorId()).isEqualTo(op);
            ac.merge(p.profile(), 1, Integer::sum);
        }
        // 85 % home overnight, the rest public; never a depot.
        assertThat(ac.get(UsageProfile.HOME_OVERNIGHT)).isBetween(800, 900);
        assertThat(ac).doesNotContainKey(UsageProfile.FLEET_DEPOT);
        SimPile again = SimPile.of(op, new PileSpec(new PileId("P-7"), new StationId("S-1"), PileType.AC, new BigDecimal("7.000"),
                new BigDecimal("1.400"), BigDecimal.ZERO, 1));
        assertThat(again.profile()).isEqualTo(SimPile.of(op, new PileSpec(new PileId("P-7"), new StationId("S-2"), PileType.AC,
                new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1)).profile());
    }
}
