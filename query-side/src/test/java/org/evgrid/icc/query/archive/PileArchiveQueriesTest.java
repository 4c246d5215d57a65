package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_XUANWU;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.pile;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileDecommissioned;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileRegistered;
import static org.evgrid.icc.query.archive.Viewers.HQ;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindPileQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.PileCountView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.PileStatus;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileView;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PileArchiveQueriesTest extends ArchiveTestBase {

    private static final int PILES = 25;

    private final PileArchiveQueries queries = new PileArchiveQueries(db);
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void twentyFivePilesOfOneOperator() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < PILES; i++) {
            String id = "P-" + Integer.toString((i * 7919) % 1000, 36).toUpperCase() + "-" + i;
            ids.add(id);
            events.add(pileRegistered(pile(id, "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.values()[i % 3], "7.000"), at(i)));
        }
        runner.batches(events, 10);
        ids.sort(Comparator.naturalOrder());
    }

    private PilePage page(int page, int size, boolean descending) {
        return queries.find(new FindPilesQuery(HQ, PileDimension.OPERATOR, "OP-A", page, size, descending));
    }

    private static List<String> idsOf(PilePage page) {
        return page.items().stream().map(p -> p.pileId().value()).toList();
    }

    @Test
    void aPageOfAnOperatorsPilesIsSortedByPileIdAscending() {
        PilePage first = page(0, 10, false);
        PilePage last = page(2, 10, false);

        assertThat(first.total()).isEqualTo(PILES);
        assertThat(idsOf(first)).containsExactlyElementsOf(ids.subList(0, 10));
        assertThat(idsOf(last)).containsExactlyElementsOf(ids.subList(20, 25));
        assertThat(last.page()).isEqualTo(2);
        assertThat(last.size()).isEqualTo(10);
    }

    @Test
    void aDescendingPageStartsWithTheHighestPileId() {
        List<String> reversed = new ArrayList<>(ids);
        reversed.sort(Comparator.reverseOrder());

        assertThat(idsOf(page(1, 10, true))).containsExactlyElementsOf(reversed.subList(10, 20));
    }

    @Test
    void aPageCarriesTheWholeArchiveOfEachPile() {
        PileView view = page(0, 1, false).items().get(0);

        assertThat(view.operatorId().value()).isEqualTo("OP-A");
        assertThat(view.stationId().value()).isEqualTo("ST-A1");
        assertThat(view.region()).isEqualTo(NANJING_XUANWU);
        assertThat(view.ratedPowerKw()).isEqualTo(new BigDecimal("7.000"));
        assertThat(view.status()).isEqualTo(PileStatus.ACTIVE);
        assertThat(view.registeredAt()).isNotNull();
    }

    @Test
    void aPageBeyondTheLastIsEmptyButStillCountsTheTotal() {
        PilePage page = page(3, 10, false);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(PILES);
    }

    @Test
    void pageSizesOutsideOneTo500AreRefusedNamingTheSizeField() {
        for (int size : new int[] {0, -1, 501}) {
            IccException e = refusal(() -> page(0, size, false), ErrorCategory.INVALID, "ICC-PAGE-SIZE-INVALID");
            assertThat(e.field()).isEqualTo("size");
        }
        assertThat(page(0, 500, false).items()).hasSize(PILES);
    }

    @Test
    void aNegativePageIsRefused() {
        assertThat(refusal(() -> page(-1, 10, false), ErrorCategory.INVALID, "ICC-PAGE-INVALID").field()).isEqualTo("page");
    }

    @Test
    void aListingWithoutDimensionOrKeyIsRefused() {
        refusal(() -> queries.find(new FindPilesQuery(HQ, null, "OP-A", 0, 10, false)), ErrorCategory.INVALID,
                "ICC-ARCHIVE-FIELD-MISSING");
        assertThat(refusal(() -> queries.count(new CountPilesQuery(HQ, PileDimension.CITY, " ")), ErrorCategory.INVALID,
                "ICC-ARCHIVE-FIELD-MISSING").field()).isEqualTo("key");
    }

    @Test
    void anUnknownKeyGivesAnEmptyPageAndAZeroCount() {
        PilePage page = queries.find(new FindPilesQuery(HQ, PileDimension.DISPATCH_AREA, "DA-NOWHERE", 0, 10, false));
        PileCountView count = queries.count(new CountPilesQuery(HQ, PileDimension.UNIT, "U-NOWHERE"));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(count.total()).isZero();
        assertThat(count.byType()).containsEntry(PileType.AC, 0L).containsEntry(PileType.DC, 0L).containsEntry(PileType.V2G, 0L);
    }

    @Test
    void aCountGivesTheTotalAndTheNumberOfEachType() {
        PileCountView count = queries.count(new CountPilesQuery(HQ, PileDimension.DISTRICT, "320102"));

        assertThat(count.dimension()).isEqualTo(PileDimension.DISTRICT);
        assertThat(count.key()).isEqualTo("320102");
        assertThat(count.total()).isEqualTo(PILES);
        assertThat(count.byType()).isEqualTo(Map.of(PileType.AC, 9L, PileType.DC, 8L, PileType.V2G, 8L));
    }

    @Test
    void aDecommissionedPileDropsOutOfListingsButCanStillBeLookedUp() {
        String gone = ids.get(0);
        apply(pileDecommissioned(gone, "OP-A", "ST-A1", 1, at(100)));

        assertThat(idsOf(page(0, 500, false))).doesNotContain(gone).hasSize(PILES - 1);
        assertThat(queries.count(new CountPilesQuery(HQ, PileDimension.STATION, "ST-A1")).total()).isEqualTo(PILES - 1);
        assertThat(queries.find(new FindPileQuery(HQ, new PileId(gone))).status()).isEqualTo(PileStatus.DECOMMISSIONED);
    }

    @Test
    void anUnknownPileIsNotFound() {
        IccException e = refusal(() -> queries.find(new FindPileQuery(HQ, new PileId("P-404"))), ErrorCategory.NOT_FOUND,
                "ICC-PILE-NOT-FOUND");
        assertThat(e.field()).isEqualTo("pileId");
    }
}
