package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.StationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PileRulesTest {

    private static List<String> codes(String type, String rated, String min, String discharge, int connectors) {
        return PileRules.checkTechnical(type == null ? null : PileType.valueOf(type), decimal(rated), decimal(min), decimal(discharge),
                connectors).stream().map(Refusal::code).toList();
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @ParameterizedTest(name = "{0} {1} kW, min {2}, discharge {3}, {4} connectors")
    @CsvSource(nullValues = "null", value = {
        "AC,  7,        0,     null, 1",
        "AC,  7,        7,     0,    1",
        "DC,  1000,     20,    0.000, 8",
        "DC,  0.001,    0,     null, 2",
        "V2G, 60,       0,     60,   2",
        "V2G, 11.5,     1.5,   0.001, 1",
        "DC,  120.125,  0.5,   null, 4",
    })
    void validTechnicalDataBreaksNoRule(String type, String rated, String min, String discharge, int connectors) {
        assertThat(codes(type, rated, min, discharge, connectors)).isEmpty();
    }

    @ParameterizedTest(name = "{5}: {0} {1} kW, min {2}, discharge {3}, {4} connectors")
    @CsvSource(nullValues = "null", value = {
        "null, 7,       0,    null, 1, ICC-PILE-TYPE-REQUIRED",
        "AC,   null,    0,    null, 1, ICC-PILE-RATED-POWER-INVALID",
        "AC,   0,       0,    null, 1, ICC-PILE-RATED-POWER-INVALID",
        "AC,   -7,      0,    null, 1, ICC-PILE-RATED-POWER-INVALID",
        "DC,   1000.5,  0,    null, 1, ICC-PILE-RATED-POWER-INVALID",
        "DC,   120.0001, 0,   null, 1, ICC-PILE-POWER-PRECISION",
        "DC,   120,     null, null, 1, ICC-PILE-MIN-POWER-INVALID",
        "DC,   120,     -1,   null, 1, ICC-PILE-MIN-POWER-INVALID",
        "DC,   120,     121,  null, 1, ICC-PILE-MIN-POWER-INVALID",
        "DC,   120,     0.0005, null, 1, ICC-PILE-POWER-PRECISION",
        "AC,   7,       0,    1,    1, ICC-PILE-DISCHARGE-NOT-V2G",
        "DC,   120,     0,    -1,   1, ICC-PILE-DISCHARGE-NOT-V2G",
        "V2G,  60,      0,    null, 1, ICC-PILE-DISCHARGE-INVALID",
        "V2G,  60,      0,    0,    1, ICC-PILE-DISCHARGE-INVALID",
        "V2G,  60,      0,    60.001, 1, ICC-PILE-DISCHARGE-INVALID",
        "V2G,  60,      0,    30.0001, 1, ICC-PILE-POWER-PRECISION",
        "AC,   7,       0,    null, 0, ICC-PILE-CONNECTORS-INVALID",
        "AC,   7,       0,    null, 9, ICC-PILE-CONNECTORS-INVALID",
    })
    void eachBrokenRuleHasItsCode(String type, String rated, String min, String discharge, int connectors, String code) {
        assertThat(codes(type, rated, min, discharge, connectors)).containsExactly(code);
    }

    @Test
    void everyBrokenRuleIsListedWithItsField() {
        List<Refusal> refusals = PileRules.check(new PileSpec(null, null, PileType.AC, new BigDecimal("2000"), new BigDecimal("-1"),
                new BigDecimal("5"), 12));

        assertThat(refusals).extracting(Refusal::field)
                .containsExactly("pileId", "stationId", "ratedPowerKw", "minPowerKw", "maxDischargeKw", "connectorCount");
    }

    @Test
    void aCompleteSpecificationBreaksNoRule() {
        assertThat(PileRules.check(new PileSpec(new PileId("P-1"), new StationId("ST-1"), PileType.DC, new BigDecimal("120"),
                BigDecimal.ZERO, null, 2))).isEmpty();
    }
}
