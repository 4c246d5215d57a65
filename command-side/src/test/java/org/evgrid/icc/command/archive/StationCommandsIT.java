package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;
import static org.evgrid.icc.command.common.TestData.NANJING;
import static org.evgrid.icc.command.common.TestData.NANJING_POINT;
import static org.evgrid.icc.command.common.TestData.dcPile;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;

import org.axonframework.eventhandling.DomainEventMessage;
import org.evgrid.icc.command.archive.internal.StationPileIndex;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationCommandsIT extends ArchiveFlowIT {

    private static final StationId ST1 = new StationId("ST-1");

    @BeforeEach
    void registerOperators() {
        axon.send(registerOperator("OP-1"));
        axon.send(registerOperator("OP-2"));
    }

    private void registerPile(String pileId, String stationId, String operatorId) {
        PileSpec spec = dcPile(pileId, stationId);
        axon.send(new RegisterPileCommand(operator(operatorId), spec.pileId(), spec.stationId(), spec.type(), spec.ratedPowerKw(),
                spec.minPowerKw(), spec.maxDischargeKw(), spec.connectorCount()));
    }

    private int eventCount() {
        return axon.events().size();
    }

    @Test
    void anActiveOperatorRegistersAStation() {
        axon.send(new RegisterStationCommand(ST1, operator("OP-1"), " 新街口充电站 ", NANJING, NANJING_POINT, AREA));

        assertThat(axon.events()).last().satisfies(e -> {
            assertThat(e.getPayload()).isEqualTo(new StationRegisteredEvent(ST1, operator("OP-1"), "新街口充电站", NANJING,
                    NANJING_POINT, AREA));
            assertThat(((DomainEventMessage<?>) e).getAggregateIdentifier()).isEqualTo("station:ST-1");
        });
    }

    @Test
    void aStationMayCarryTheIdOfAnOperator() {
        axon.send(registerStation("OP-1", "OP-1"));

        assertThat(axon.payloads()).last().isInstanceOf(StationRegisteredEvent.class);
    }

    @Test
    void aStationOfAnUnknownOperatorIsRefused() {
        int before = eventCount();

        assertRefused(() -> axon.send(registerStation("ST-1", "OP-9")), ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSuspendedOperatorRegistersNoStation() {
        axon.send(new SuspendOperatorCommand(operator("OP-1"), null));

        assertRefused(() -> axon.send(registerStation("ST-1", "OP-1")), ErrorCategory.UNPROCESSABLE, "ICC-OPERATOR-SUSPENDED");
    }

    @Test
    void aRepeatedStationIdIsAConflict() {
        axon.send(registerStation("ST-1", "OP-1"));

        assertRefused(() -> axon.send(registerStation("ST-1", "OP-2")), ErrorCategory.CONFLICT, "ICC-STATION-EXISTS");
    }

    @Test
    void aStationWithRegionCodesThatDoNotNestIsRefused() {
        IccException refusal = assertRefused(() -> axon.send(new RegisterStationCommand(ST1, operator("OP-1"), "站",
                new Region("320000", "330100", "330102"), NANJING_POINT, AREA)), ErrorCategory.INVALID, "ICC-REGION-INVALID");

        assertThat(refusal.field()).isEqualTo("region.cityCode");
    }

    @Test
    void aStationWithoutCoordinatesOrWithALatitudeBeyondThePoleIsRefused() {
        assertRefused(() -> axon.send(new RegisterStationCommand(ST1, operator("OP-1"), "站", NANJING, null, AREA)),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        assertRefused(() -> axon.send(new RegisterStationCommand(ST1, operator("OP-1"), "站", NANJING,
                new GeoPoint(new BigDecimal("91"), new BigDecimal("118")), AREA)), ErrorCategory.INVALID, "ICC-LOCATION-INVALID");
    }

    @Test
    void aStationWithoutDispatchAreaNameOrOperatorIsRefused() {
        assertRefused(() -> axon.send(new RegisterStationCommand(ST1, operator("OP-1"), "站", NANJING, NANJING_POINT, null)),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        assertRefused(() -> axon.send(new RegisterStationCommand(ST1, operator("OP-1"), "", NANJING, NANJING_POINT, AREA)),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        assertRefused(() -> axon.send(new RegisterStationCommand(ST1, null, "站", NANJING, NANJING_POINT, AREA)),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }

    @Test
    void aStationWithoutPilesIsDecommissioned() {
        axon.send(registerStation("ST-1", "OP-1"));

        axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), "拆除"));

        assertThat(axon.payloads()).last().isEqualTo(new StationDecommissionedEvent(ST1, operator("OP-1"), "拆除"));
    }

    @Test
    void aStationWithPilesInServiceIsDecommissionedOnlyAfterItsPiles() {
        axon.send(registerStation("ST-1", "OP-1"));
        registerPile("P-1", "ST-1", "OP-1");
        registerPile("P-2", "ST-1", "OP-1");
        axon.send(new DecommissionPileCommand(new PileId("P-1"), operator("OP-1"), null));

        IccException refusal = assertRefused(() -> axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null)),
                ErrorCategory.UNPROCESSABLE, "ICC-STATION-HAS-PILES");
        assertThat(refusal.messageEn()).contains("1 piles in service");

        axon.send(new DecommissionPileCommand(new PileId("P-2"), operator("OP-1"), null));
        axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null));
        assertThat(axon.payloads()).last().isInstanceOf(StationDecommissionedEvent.class);
        assertThat(new StationPileIndex(database).inService(ST1)).isZero();
    }

    @Test
    void anotherOperatorMayNotDecommissionTheStation() {
        axon.send(registerStation("ST-1", "OP-1"));

        assertRefused(() -> axon.send(new DecommissionStationCommand(ST1, operator("OP-2"), null)),
                ErrorCategory.FORBIDDEN, "ICC-ARCHIVE-NOT-YOURS");
    }

    @Test
    void decommissioningTwiceIsAConflict() {
        axon.send(registerStation("ST-1", "OP-1"));
        axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null));

        assertRefused(() -> axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null)),
                ErrorCategory.CONFLICT, "ICC-STATION-ALREADY-DECOMMISSIONED");
    }

    @Test
    void decommissioningAnUnknownStationIsNotFound() {
        assertRefused(() -> axon.send(new DecommissionStationCommand(ST1, operator("OP-1"), null)),
                ErrorCategory.NOT_FOUND, "ICC-STATION-UNKNOWN");
    }
}
