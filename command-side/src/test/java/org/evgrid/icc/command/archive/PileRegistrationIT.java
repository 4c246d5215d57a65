package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;
import static org.evgrid.icc.command.common.TestData.NANJING;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;

import org.evgrid.icc.command.archive.internal.StationPileIndex;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PileRegistrationIT extends ArchiveFlowIT {

    private static final PileId P1 = new PileId("P-1");
    private static final StationId ST1 = new StationId("ST-1");

    @BeforeEach
    void registerOperatorsAndStations() {
        axon.send(registerOperator("OP-1"));
        axon.send(registerOperator("OP-2"));
        axon.send(registerStation("ST-1", "OP-1"));
        axon.send(registerStation("ST-2", "OP-2"));
    }

    private static RegisterPileCommand dc(String operatorId, String pileId, String stationId) {
        return new RegisterPileCommand(operator(operatorId), new PileId(pileId), new StationId(stationId), PileType.DC,
                new BigDecimal("120"), new BigDecimal("10"), null, 2);
    }

    @Test
    void aPileTakesOperatorDispatchAreaAndRegionFromItsStation() {
        axon.send(dc("OP-1", "P-1", "ST-1"));

        assertThat(axon.payloads()).last().isEqualTo(new PileRegisteredEvent(P1, operator("OP-1"), ST1, AREA, NANJING, PileType.DC,
                new BigDecimal("120"), new BigDecimal("10"), BigDecimal.ZERO, 2, null));
        assertThat(new StationPileIndex(database).inService(ST1)).isEqualTo(1);
    }

    @Test
    void aPileMayCarryTheIdOfItsStation() {
        axon.send(dc("OP-1", "ST-1", "ST-1"));

        assertThat(axon.payloads()).last().isInstanceOf(PileRegisteredEvent.class);
    }

    @Test
    void aPileAtAnUnknownStationIsRefused() {
        int before = axon.events().size();

        assertRefused(() -> axon.send(dc("OP-1", "P-1", "ST-9")), ErrorCategory.NOT_FOUND, "ICC-STATION-UNKNOWN");

        assertThat(axon.events()).hasSize(before);
        assertThat(new StationPileIndex(database).inService(new StationId("ST-9"))).isZero();
    }

    @Test
    void aPileAtAStationOfAnotherOperatorIsForbidden() {
        assertRefused(() -> axon.send(dc("OP-1", "P-1", "ST-2")), ErrorCategory.FORBIDDEN, "ICC-ARCHIVE-NOT-YOURS");
    }

    @Test
    void aPileAtADecommissionedStationIsRefused() {
        axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null));

        assertRefused(() -> axon.send(dc("OP-1", "P-1", "ST-1")), ErrorCategory.UNPROCESSABLE, "ICC-STATION-DECOMMISSIONED");
    }

    @Test
    void aPileOfAnUnknownOrSuspendedOperatorIsRefused() {
        assertRefused(() -> axon.send(dc("OP-9", "P-1", "ST-1")), ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN");

        axon.send(new SuspendOperatorCommand(operator("OP-1"), null));
        assertRefused(() -> axon.send(dc("OP-1", "P-1", "ST-1")), ErrorCategory.UNPROCESSABLE, "ICC-OPERATOR-SUSPENDED");
    }

    @Test
    void aRepeatedPileIdIsAConflict() {
        axon.send(dc("OP-1", "P-1", "ST-1"));

        assertRefused(() -> axon.send(dc("OP-2", "P-1", "ST-2")), ErrorCategory.CONFLICT, "ICC-PILE-EXISTS");
    }

    @Test
    void aPileBreakingATechnicalRuleIsRefusedWithTheFirstRule() {
        IccException refusal = assertRefused(() -> axon.send(new RegisterPileCommand(operator("OP-1"), P1, ST1, PileType.AC,
                new BigDecimal("7"), new BigDecimal("8"), null, 0)), ErrorCategory.INVALID, "ICC-PILE-MIN-POWER-INVALID");

        assertThat(refusal.field()).isEqualTo("minPowerKw");
    }

    @Test
    void aPileWithoutStationIsRefused() {
        assertRefused(() -> axon.send(new RegisterPileCommand(operator("OP-1"), P1, null, PileType.AC, new BigDecimal("7"),
                BigDecimal.ZERO, null, 1)), ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }
}
