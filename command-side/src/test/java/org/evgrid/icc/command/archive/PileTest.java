package org.evgrid.icc.command.archive;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.pileRegistered;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PileTest {

    private static final PileId P1 = new PileId("P-1");
    private static final StationId ST = new StationId("ST-1");
    private static final AggregationUnitId UNIT = new AggregationUnitId("U-1");

    private AggregateTestFixture<Pile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pile.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerCommandHandlerInterceptor(new UnknownTargetInterceptor());
    }

    private static UpdatePileCommand update(String operatorId, String rated, String min, String discharge, int connectors) {
        return new UpdatePileCommand(P1, operator(operatorId), new BigDecimal(rated), new BigDecimal(min),
                discharge == null ? null : new BigDecimal(discharge), connectors);
    }

    @Test
    void theOperatorChangesTheTechnicalDataAndAnAbsentDischargeIsStoredAsZero() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC))
                .when(update("OP-1", "160", "5", null, 2))
                .expectEvents(new PileUpdatedEvent(P1, operator("OP-1"), new BigDecimal("160"), new BigDecimal("5"), BigDecimal.ZERO, 2));
    }

    @Test
    void aV2gPileKeepsADischargePowerUpToItsRatedPower() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.V2G))
                .when(update("OP-1", "60", "0", "60", 1))
                .expectEvents(new PileUpdatedEvent(P1, operator("OP-1"), new BigDecimal("60"), BigDecimal.ZERO, new BigDecimal("60"), 1));
    }

    @Test
    void anUpdateByAnotherOperatorIsForbidden() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC))
                .when(update("OP-2", "160", "5", null, 2))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-ARCHIVE-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void anUpdateThatBreaksATechnicalRuleIsRefused() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.AC))
                .when(update("OP-1", "7", "0", "3", 1))
                .expectException(refused(ErrorCategory.INVALID, "ICC-PILE-DISCHARGE-NOT-V2G"))
                .expectNoEvents();
    }

    @Test
    void anUpdateAboveOneThousandKilowattsIsRefused() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC))
                .when(update("OP-1", "1000.001", "0", null, 1))
                .expectException(refused(ErrorCategory.INVALID, "ICC-PILE-RATED-POWER-INVALID"))
                .expectNoEvents();
    }

    @Test
    void aDecommissionedPileCannotBeUpdated() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC), new PileDecommissionedEvent(P1, operator("OP-1"), ST, null))
                .when(update("OP-1", "160", "5", null, 2))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-PILE-DECOMMISSIONED"))
                .expectNoEvents();
    }

    @Test
    void updatingAnUnknownPileIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(update("OP-1", "160", "5", null, 2))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-PILE-UNKNOWN"));
    }

    @Test
    void aPileOutsideAnyUnitIsDecommissioned() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC))
                .when(new DecommissionPileCommand(P1, operator("OP-1"), "损坏"))
                .expectEvents(new PileDecommissionedEvent(P1, operator("OP-1"), ST, "损坏"));
    }

    @Test
    void aPileInAUnitFirstLeavesTheUnitThenIsDecommissioned() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC), new PileAssignedToUnitEvent(P1, UNIT, operator("OP-1")))
                .when(new DecommissionPileCommand(P1, operator("OP-1"), null))
                .expectEvents(new PileRemovedFromUnitEvent(P1, UNIT, operator("OP-1")),
                        new PileDecommissionedEvent(P1, operator("OP-1"), ST, null));
    }

    @Test
    void aPileThatLeftItsUnitIsDecommissionedWithoutLeavingAgain() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC), new PileAssignedToUnitEvent(P1, UNIT, operator("OP-1")),
                        new PileRemovedFromUnitEvent(P1, UNIT, operator("OP-1")))
                .when(new DecommissionPileCommand(P1, operator("OP-1"), null))
                .expectEvents(new PileDecommissionedEvent(P1, operator("OP-1"), ST, null));
    }

    @Test
    void decommissioningTwiceIsAConflict() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC), new PileDecommissionedEvent(P1, operator("OP-1"), ST, null))
                .when(new DecommissionPileCommand(P1, operator("OP-1"), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PILE-ALREADY-DECOMMISSIONED"))
                .expectNoEvents();
    }

    @Test
    void anotherOperatorMayNotDecommissionThePile() {
        fixture.given(pileRegistered("P-1", "OP-1", PileType.DC))
                .when(new DecommissionPileCommand(P1, operator("OP-2"), null))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-ARCHIVE-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void decommissioningAnUnknownPileIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DecommissionPileCommand(P1, operator("OP-1"), null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-PILE-UNKNOWN"));
    }
}
