package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;
import static org.evgrid.icc.command.common.TestData.OTHER_AREA;
import static org.evgrid.icc.command.common.TestData.dcPile;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.RemovePilesFromUnitCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitMembershipIT extends ArchiveFlowIT {

    private static final AggregationUnitId U1 = new AggregationUnitId("U-1");
    private static final AggregationUnitId U2 = new AggregationUnitId("U-2");

    @BeforeEach
    void registerPilesAndUnits() {
        axon.send(registerOperator("OP-1"));
        axon.send(registerStation("ST-1", "OP-1"));
        axon.send(registerStation("ST-FAR", "OP-1", OTHER_AREA));
        axon.send(new ImportPilesCommand(new ImportBatchId("B-1"), operator("OP-1"), List.of(
                dcPile("P-1", "ST-1"), dcPile("P-2", "ST-1"), dcPile("P-3", "ST-1"), dcPile("P-4", "ST-1"), dcPile("P-FAR", "ST-FAR"))));
        axon.send(new CreateAggregationUnitCommand(U1, "南京城区一号", AREA, "320000"));
        axon.send(new CreateAggregationUnitCommand(U2, "南京城区二号", AREA, "320000"));
    }

    private static List<PileId> piles(String... ids) {
        return Arrays.stream(ids).map(PileId::new).toList();
    }

    private List<Object> eventsSince(int before) {
        List<Object> payloads = axon.payloads();
        return payloads.subList(before, payloads.size());
    }

    @Test
    void pilesJoinAUnitOfTheirDispatchArea() {
        int before = axon.events().size();

        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1", "P-2")));

        assertThat(eventsSince(before)).containsExactly(
                new PileAssignedToUnitEvent(new PileId("P-1"), U1, operator("OP-1")),
                new PileAssignedToUnitEvent(new PileId("P-2"), U1, operator("OP-1")));
    }

    @Test
    void pilesAlreadyInTheUnitAndRepeatedIdsAreSkipped() {
        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1")));
        int before = axon.events().size();

        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1", "P-2", "P-2")));
        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1", "P-2")));

        assertThat(eventsSince(before)).containsExactly(new PileAssignedToUnitEvent(new PileId("P-2"), U1, operator("OP-1")));
    }

    @Test
    void everyPileThatCannotJoinIsListedAndNoPileJoins() {
        axon.send(new AssignPilesToUnitCommand(U2, piles("P-2")));
        axon.send(new DecommissionPileCommand(new PileId("P-3"), operator("OP-1"), null));
        int before = axon.events().size();

        IccException refusal = assertRefused(() -> axon.send(new AssignPilesToUnitCommand(U1,
                        piles("P-1", "P-2", "P-3", "P-FAR", "P-NONE"))), ErrorCategory.UNPROCESSABLE, "ICC-UNIT-ASSIGN-REJECTED");

        assertThat(refusal.items()).extracting(ItemError::index, ItemError::itemId, ItemError::code).containsExactly(
                tuple(1, "P-2", "ICC-PILE-IN-OTHER-UNIT"),
                tuple(2, "P-3", "ICC-PILE-DECOMMISSIONED"),
                tuple(3, "P-FAR", "ICC-UNIT-AREA-MISMATCH"),
                tuple(4, "P-NONE", "ICC-PILE-UNKNOWN"));
        assertThat(refusal.items().get(0).messageZh()).contains("U-2");
        assertThat(refusal.items().get(0).messageEn()).contains("U-2");
        assertThat(axon.events()).hasSize(before);
    }

    @Test
    void assigningToAnUnknownUnitIsNotFound() {
        assertRefused(() -> axon.send(new AssignPilesToUnitCommand(new AggregationUnitId("U-9"), piles("P-1"))),
                ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN");
    }

    @Test
    void anAssignmentTakesOneToOneThousandPiles() {
        assertRefused(() -> axon.send(new AssignPilesToUnitCommand(U1, List.of())), ErrorCategory.INVALID, "ICC-UNIT-PILES-SIZE");
        List<PileId> tooMany = IntStream.range(0, 1001).mapToObj(i -> new PileId("P-" + i)).toList();
        assertRefused(() -> axon.send(new AssignPilesToUnitCommand(U1, tooMany)), ErrorCategory.INVALID, "ICC-UNIT-PILES-SIZE");
        assertRefused(() -> axon.send(new RemovePilesFromUnitCommand(U1, null)), ErrorCategory.INVALID, "ICC-UNIT-PILES-SIZE");
    }

    @Test
    void pilesLeaveTheirUnitAndMayJoinAnother() {
        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1", "P-2")));
        int before = axon.events().size();

        axon.send(new RemovePilesFromUnitCommand(U1, piles("P-1")));
        axon.send(new AssignPilesToUnitCommand(U2, piles("P-1")));

        assertThat(eventsSince(before)).containsExactly(
                new PileRemovedFromUnitEvent(new PileId("P-1"), U1, operator("OP-1")),
                new PileAssignedToUnitEvent(new PileId("P-1"), U2, operator("OP-1")));
    }

    @Test
    void removingPilesThatAreNotInTheUnitIsRefusedAsAWhole() {
        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1")));
        axon.send(new AssignPilesToUnitCommand(U2, piles("P-2")));
        int before = axon.events().size();

        IccException refusal = assertRefused(() -> axon.send(new RemovePilesFromUnitCommand(U1, piles("P-1", "P-2", "P-4", "P-NONE"))),
                ErrorCategory.UNPROCESSABLE, "ICC-UNIT-REMOVE-REJECTED");

        assertThat(refusal.items()).extracting(ItemError::index, ItemError::code).containsExactly(
                tuple(1, "ICC-PILE-NOT-IN-UNIT"), tuple(2, "ICC-PILE-NOT-IN-UNIT"), tuple(3, "ICC-PILE-UNKNOWN"));
        assertThat(axon.events()).hasSize(before);
    }

    @Test
    void removingFromAnUnknownUnitIsNotFound() {
        assertRefused(() -> axon.send(new RemovePilesFromUnitCommand(new AggregationUnitId("U-9"), piles("P-1"))),
                ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN");
    }

    @Test
    void aDecommissionedPileLeavesItsUnitFirst() {
        axon.send(new AssignPilesToUnitCommand(U1, piles("P-1")));
        int before = axon.events().size();

        axon.send(new DecommissionPileCommand(new PileId("P-1"), operator("OP-1"), "报废"));

        assertThat(eventsSince(before)).containsExactly(
                new PileRemovedFromUnitEvent(new PileId("P-1"), U1, operator("OP-1")),
                new PileDecommissionedEvent(new PileId("P-1"), operator("OP-1"), new StationId("ST-1"),
                        "报废"));
        assertRefused(() -> axon.send(new RemovePilesFromUnitCommand(U1, piles("P-1"))),
                ErrorCategory.UNPROCESSABLE, "ICC-UNIT-REMOVE-REJECTED");
    }
}
