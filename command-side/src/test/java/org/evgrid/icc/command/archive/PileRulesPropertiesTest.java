package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.archive.PileType;

class PileRulesPropertiesTest {

    @Provide
    Arbitrary<BigDecimal> ratedPowers() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(3);
    }

    @Property
    void aV2gPileWithMinimumAndDischargeWithinItsRatedPowerIsValid(@ForAll("ratedPowers") BigDecimal rated,
                                                                  @ForAll @IntRange(min = 0, max = 1000) int minPermille,
                                                                  @ForAll @IntRange(min = 1, max = 1000) int dischargePermille,
                                                                  @ForAll @IntRange(min = 1, max = 8) int connectors) {
        BigDecimal min = share(rated, minPermille);
        BigDecimal discharge = share(rated, dischargePermille).max(new BigDecimal("0.001"));

        assertThat(PileRules.checkTechnical(PileType.V2G,
                rated, min, discharge, connectors)).isEmpty();
    }

    @Property
    void aPileThatIsNotV2gNeverAcceptsADischargePower(@ForAll("ratedPowers") BigDecimal rated,
                                                      @ForAll("nonV2g") PileType type,
                                                      @ForAll("ratedPowers") BigDecimal discharge) {
        assertThat(PileRules.checkTechnical(type, rated, BigDecimal.ZERO, discharge, 1)).extracting(Refusal::code)
                .containsExactly("ICC-PILE-DISCHARGE-NOT-V2G");
        assertThat(PileRules.checkTechnical(type, rated, BigDecimal.ZERO, null, 1)).isEmpty();
    }

    @Property
    void aMinimumAboveTheRatedPowerIsAlwaysRefused(@ForAll("ratedPowers") BigDecimal rated,
                                                  @ForAll @IntRange(min = 1, max = 1_000_000) int extraWatts) {
        BigDecimal min = rated.add(BigDecimal.valueOf(extraWatts, 3));

        assertThat(PileRules.checkTechnical(PileType.DC, rated, min, null, 1))
                .extracting(Refusal::code).containsExactly("ICC-PILE-MIN-POWER-INVALID");
    }

    @Provide
    Arbitrary<PileType> nonV2g() {
        return Arbitraries.of(PileType.AC, PileType.DC);
    }

    private static BigDecimal share(BigDecimal rated, int permille) {
        return rated.multiply(BigDecimal.valueOf(permille)).divide(BigDecimal.valueOf(1000), 3, RoundingMode.DOWN);
    }
}
