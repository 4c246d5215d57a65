package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileDecommissioned;
import static org.evgrid.icc.query.archive.Viewers.HQ;

import java.math.BigDecimal;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorsQuery;
import org.evgrid.icc.coreapi.archive.FindStationQuery;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorStatus;
import org.evgrid.icc.coreapi.archive.OperatorView;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationStatus;
import org.evgrid.icc.coreapi.archive.StationView;
import org.assertj.core.groups.Tuple;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operators, stations and aggregation units as a headquarters user sees them. */
class ArchiveLookupsTest extends ArchiveTestBase {

    private final OperatorArchiveQueries operators = new OperatorArchiveQueries(db);
    private final StationArchiveQueries stations = new StationArchiveQueries(db);
    private final AggregationUnitQueries units = new AggregationUnitQueries(db);

    @BeforeEach
    void world() {
        ArchiveWorld.build(runner);
    }

    @Test
    void anOperatorCountsItsStationsAndPilesInService() {
        OperatorView view = operators.find(new FindOperatorQuery(HQ, new OperatorId("OP-A")));

        assertThat(view.name()).isEqualTo("运营商 OP-A");
        assertThat(view.status()).isEqualTo(OperatorStatus.ACTIVE);
        assertThat(view.stations()).isEqualTo(2);
        assertThat(view.piles()).isEqualTo(3);
        assertThat(view.shareRatio()).isEqualTo(new BigDecimal("0.3500"));
        assertThat(view.contact().email()).isEqualTo("ops@OP-A.example");
        assertThat(view.registeredAt()).isEqualTo(at(0));
    }

    @Test
    void theOperatorListHoldsEveryOperatorSortedById() {
        assertThat(operators.find(new FindOperatorsQuery(HQ)).items()).extracting(v -> v.operatorId().value())
                .containsExactly("OP-A", "OP-B", "OP-C");
    }

    @Test
    void anUnknownOperatorIsNotFound() {
        refusal(() -> operators.find(new FindOperatorQuery(HQ, new OperatorId("OP-X"))), ErrorCategory.NOT_FOUND,
                "ICC-OPERATOR-NOT-FOUND");
    }

    @Test
    void aStationCountsItsPilesInService() {
        StationView view = stations.find(new FindStationQuery(HQ, new StationId("ST-A1")));

        assertThat(view.operatorId().value()).isEqualTo("OP-A");
        assertThat(view.status()).isEqualTo(StationStatus.ACTIVE);
        assertThat(view.piles()).isEqualTo(2);
        assertThat(view.location().latitude()).isEqualTo(new BigDecimal("32.041500"));
        assertThat(view.dispatchAreaId().value()).isEqualTo("DA-NJ");
        assertThat(stations.find(new FindStationQuery(HQ, new StationId("ST-A3"))).status()).isEqualTo(StationStatus.DECOMMISSIONED);
    }

    @Test
    void anUnknownStationIsNotFound() {
        refusal(() -> stations.find(new FindStationQuery(HQ, new StationId("ST-X"))), ErrorCategory.NOT_FOUND,
                "ICC-STATION-NOT-FOUND");
    }

    @Test
    void aUnitsRatedPowerIsTheSumOverItsMemberPiles() {
        AggregationUnitView view = units.find(new FindAggregationUnitQuery(HQ, new AggregationUnitId("U-1")));

        assertThat(view.piles()).isEqualTo(3);
        assertThat(view.ratedPowerKw()).isEqualTo(new BigDecimal("74.000"));
        assertThat(view.dispatchAreaId().value()).isEqualTo("DA-NJ");
        assertThat(view.createdAt()).isEqualTo(at(4));
    }

    @Test
    void aDecommissionedPileNoLongerCountsInItsUnit() {
        apply(pileDecommissioned("PA-2", "OP-A", "ST-A1", 1, at(9)));

        AggregationUnitView view = units.find(new FindAggregationUnitQuery(HQ, new AggregationUnitId("U-1")));
        assertThat(view.piles()).isEqualTo(2);
        assertThat(view.ratedPowerKw()).isEqualTo(new BigDecimal("14.000"));
    }

    @Test
    void theUnitListHoldsEveryUnitIncludingEmptyOnes() {
        assertThat(units.find(new FindAggregationUnitsQuery(HQ)).items())
                .extracting(v -> v.unitId().value(), AggregationUnitView::piles, AggregationUnitView::ratedPowerKw)
                .containsExactly(Tuple.tuple("U-1", 3L, new BigDecimal("74.000")),
                        Tuple.tuple("U-2", 0L, new BigDecimal("0.000")));
    }

    @Test
    void anUnknownUnitIsNotFound() {
        refusal(() -> units.find(new FindAggregationUnitQuery(HQ, new AggregationUnitId("U-X"))), ErrorCategory.NOT_FOUND,
                "ICC-UNIT-NOT-FOUND");
    }
}
