package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.dcPile;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.evgrid.icc.command.archive.internal.StationPileIndex;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PilesImportedEvent;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PileImportIT extends ArchiveFlowIT {

    private static final ImportBatchId BATCH = new ImportBatchId("B-2024-0001");

    @BeforeEach
    void registerOperatorsAndStations() {
        axon.send(registerOperator("OP-1"));
        axon.send(registerOperator("OP-2"));
        axon.send(registerStation("ST-1", "OP-1"));
        axon.send(registerStation("ST-2", "OP-1"));
        axon.send(registerStation("ST-X", "OP-2"));
        axon.send(registerStation("ST-OLD", "OP-1"));
        axon.send(new DecommissionStationCommand(new StationId("ST-OLD"), operator("OP-1"), null));
    }

    private static ImportPilesCommand batch(PileSpec... piles) {
        return new ImportPilesCommand(BATCH, operator("OP-1"), Arrays.asList(piles));
    }

    private static List<PileSpec> manyPiles(int count) {
        return IntStream.range(0, count).mapToObj(i -> dcPile(String.format("P-%04d", i), i % 2 == 0 ? "ST-1" : "ST-2")).toList();
    }

    @Test
    void anImportRegistersEveryPileThenRecordsTheBatch() {
        int before = axon.events().size();

        axon.send(batch(dcPile("P-1", "ST-1"), dcPile("P-2", "ST-2"), dcPile("P-3", "ST-1")));

        List<Object> recorded = axon.payloads().subList(before, axon.payloads().size());
        assertThat(recorded).hasSize(4);
        assertThat(recorded.subList(0, 3)).allSatisfy(e -> assertThat(((PileRegisteredEvent) e).batchId()).isEqualTo(BATCH))
                .extracting(e -> ((PileRegisteredEvent) e).pileId().value()).containsExactly("P-1", "P-2", "P-3");
        assertThat(recorded.get(3)).isEqualTo(new PilesImportedEvent(BATCH, operator("OP-1"), 3));
        StationPileIndex index = new StationPileIndex(database);
        assertThat(index.inService(new StationId("ST-1"))).isEqualTo(2);
        assertThat(index.inService(new StationId("ST-2"))).isEqualTo(1);
    }

    @Test
    void aBatchIdIsAcceptedOnce() {
        axon.send(batch(dcPile("P-1", "ST-1")));

        assertRefused(() -> axon.send(batch(dcPile("P-2", "ST-1"))), ErrorCategory.CONFLICT, "ICC-IMPORT-DUPLICATE");
    }

    @Test
    void anImportHoldsOneToOneThousandPiles() {
        assertRefused(() -> axon.send(batch()), ErrorCategory.INVALID, "ICC-IMPORT-SIZE");
        assertRefused(() -> axon.send(new ImportPilesCommand(BATCH, operator("OP-1"), null)), ErrorCategory.INVALID, "ICC-IMPORT-SIZE");
        assertRefused(() -> axon.send(new ImportPilesCommand(BATCH, operator("OP-1"), manyPiles(1001))),
                ErrorCategory.INVALID, "ICC-IMPORT-SIZE");
    }

    @Test
    void anImportOfAnUnknownOrSuspendedOperatorIsRefused() {
        assertRefused(() -> axon.send(new ImportPilesCommand(BATCH, operator("OP-9"), List.of(dcPile("P-1", "ST-1")))),
                ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN");

        axon.send(new SuspendOperatorCommand(operator("OP-1"), null));
        assertRefused(() -> axon.send(batch(dcPile("P-1", "ST-1"))), ErrorCategory.UNPROCESSABLE, "ICC-OPERATOR-SUSPENDED");
    }

    @Test
    void everyFaultyItemIsListedAndNothingIsRecorded() {
        axon.send(new RegisterPileCommand(operator("OP-1"), new PileId("P-OLD"), new StationId("ST-1"), PileType.AC,
                new BigDecimal("7"), BigDecimal.ZERO, null, 1));
        int before = axon.events().size();
        List<PileSpec> piles = new ArrayList<>(List.of(
                dcPile("P-1", "ST-1"),
                new PileSpec(new PileId("P-2"), new StationId("ST-1"), PileType.AC, new BigDecimal("7"), BigDecimal.ZERO,
                        new BigDecimal("3"), 9),
                dcPile("P-3", "ST-9"),
                dcPile("P-4", "ST-X"),
                dcPile("P-5", "ST-OLD"),
                dcPile("P-OLD", "ST-1"),
                dcPile("P-1", "ST-2"),
                new PileSpec(null, new StationId("ST-1"), PileType.DC, new BigDecimal("60"), BigDecimal.ZERO, null, 1)));
        piles.add(null);

        IccException refusal = assertRefused(() -> axon.send(new ImportPilesCommand(BATCH, operator("OP-1"), piles)),
                ErrorCategory.UNPROCESSABLE, "ICC-IMPORT-REJECTED");

        assertThat(refusal.items()).extracting(ItemError::index, ItemError::itemId, ItemError::code).containsExactly(
                tuple(1, "P-2", "ICC-PILE-DISCHARGE-NOT-V2G"),
                tuple(1, "P-2", "ICC-PILE-CONNECTORS-INVALID"),
                tuple(2, "P-3", "ICC-STATION-UNKNOWN"),
                tuple(3, "P-4", "ICC-ARCHIVE-NOT-YOURS"),
                tuple(4, "P-5", "ICC-STATION-DECOMMISSIONED"),
                tuple(5, "P-OLD", "ICC-PILE-EXISTS"),
                tuple(6, "P-1", "ICC-IMPORT-PILE-REPEATED"),
                tuple(7, null, "ICC-FIELD-REQUIRED"),
                tuple(8, null, "ICC-FIELD-REQUIRED"));
        assertThat(refusal.items()).allSatisfy(item -> {
            assertThat(item.messageZh()).isNotBlank();
            assertThat(item.messageEn()).isNotBlank();
            assertThat(item.field()).isNotBlank();
        });
        assertThat(refusal.messageEn()).startsWith("8 of the 9 piles");
        assertThat(axon.events()).hasSize(before);
    }

    @Test
    void oneBadItemInOneThousandLeavesNoEventAtAllAndTheCorrectedBatchGoesThrough() {
        List<PileSpec> piles = new ArrayList<>(manyPiles(1000));
        PileSpec good = piles.get(637);
        piles.set(637, new PileSpec(good.pileId(), good.stationId(), PileType.DC, new BigDecimal("1200"), BigDecimal.ZERO, null, 2));
        int before = axon.events().size();

        IccException refusal = assertRefused(() -> axon.send(new ImportPilesCommand(BATCH, operator("OP-1"), piles)),
                ErrorCategory.UNPROCESSABLE, "ICC-IMPORT-REJECTED");

        assertThat(refusal.items()).extracting(ItemError::index, ItemError::itemId, ItemError::field)
                .containsExactly(tuple(637, "P-0637", "ratedPowerKw"));
        assertThat(axon.events()).hasSize(before);
        assertThat(new StationPileIndex(database).inService(new StationId("ST-1"))).isZero();

        axon.send(new ImportPilesCommand(BATCH, operator("OP-1"), manyPiles(1000)));

        assertThat(axon.events()).hasSize(before + 1001);
        assertThat(axon.payloads()).last().isEqualTo(new PilesImportedEvent(BATCH, operator("OP-1"), 1000));
        StationPileIndex index = new StationPileIndex(database);
        assertThat(index.inService(new StationId("ST-1")) + index.inService(new StationId("ST-2"))).isEqualTo(1000);
    }
}
