package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.Viewers.AUDITOR;
import static org.evgrid.icc.query.archive.Viewers.AUDIT_ADMIN;
import static org.evgrid.icc.query.archive.Viewers.CENTER;
import static org.evgrid.icc.query.archive.Viewers.GATEWAY;
import static org.evgrid.icc.query.archive.Viewers.HQ;
import static org.evgrid.icc.query.archive.Viewers.HQ_TRADER;
import static org.evgrid.icc.query.archive.Viewers.JIANGSU;
import static org.evgrid.icc.query.archive.Viewers.NANJING;
import static org.evgrid.icc.query.archive.Viewers.NO_ROLES;
import static org.evgrid.icc.query.archive.Viewers.PLATFORM_A;
import static org.evgrid.icc.query.archive.Viewers.REGULATOR;
import static org.evgrid.icc.query.archive.Viewers.SECURITY_OPERATOR;
import static org.evgrid.icc.query.archive.Viewers.STAFF_B;
import static org.evgrid.icc.query.archive.Viewers.SYSTEM_ADMIN;
import static org.evgrid.icc.query.archive.Viewers.XUANWU;

import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorsQuery;
import org.evgrid.icc.coreapi.archive.FindPileQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.FindStationQuery;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data scope rules of R-8.2d, enforced by every archive query. */
class ArchiveScopeTest extends ArchiveTestBase {

    private final PileArchiveQueries piles = new PileArchiveQueries(db);
    private final StationArchiveQueries stations = new StationArchiveQueries(db);
    private final OperatorArchiveQueries operators = new OperatorArchiveQueries(db);
    private final AggregationUnitQueries units = new AggregationUnitQueries(db);

    @BeforeEach
    void world() {
        ArchiveWorld.build(runner);
    }

    private PilePage list(Viewer viewer, PileDimension dimension, String key) {
        return piles.find(new FindPilesQuery(viewer, dimension, key, 0, 50, false));
    }

    private long count(Viewer viewer, PileDimension dimension, String key) {
        return piles.count(new CountPilesQuery(viewer, dimension, key)).total();
    }

    private List<ThrowingCallable> everyQuery(Viewer viewer) {
        return List.of(
                () -> piles.find(new FindPileQuery(viewer, new PileId("PA-1"))),
                () -> list(viewer, PileDimension.OPERATOR, "OP-A"),
                () -> count(viewer, PileDimension.PROVINCE, "320000"),
                () -> stations.find(new FindStationQuery(viewer, new StationId("ST-A1"))),
                () -> operators.find(new FindOperatorQuery(viewer, new OperatorId("OP-A"))),
                () -> operators.find(new FindOperatorsQuery(viewer)),
                () -> units.find(new FindAggregationUnitQuery(viewer, new AggregationUnitId("U-1"))),
                () -> units.find(new FindAggregationUnitsQuery(viewer)));
    }

    @Test
    void administratorsAreRefusedEveryArchiveQuery() {
        for (Viewer admin : List.of(SYSTEM_ADMIN, AUDIT_ADMIN, SECURITY_OPERATOR)) {
            for (ThrowingCallable query : everyQuery(admin)) {
                refusal(query, ErrorCategory.FORBIDDEN, "ICC-SCOPE-ADMIN");
            }
        }
    }

    @Test
    void aViewerHoldingAnAdministrativeRoleBesideABusinessRoleIsStillRefused() {
        Viewer mixed = new Viewer("mixed", Set.of(Role.SYSTEM_ADMIN, Role.REGULATOR), null, null);

        refusal(() -> list(mixed, PileDimension.OPERATOR, "OP-A"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-ADMIN");
    }

    @Test
    void aViewerWithoutRolesOrWithoutIdentityIsRefused() {
        for (ThrowingCallable query : everyQuery(NO_ROLES)) {
            refusal(query, ErrorCategory.FORBIDDEN, "ICC-SCOPE-NO-ROLE");
        }
        for (ThrowingCallable query : everyQuery(null)) {
            refusal(query, ErrorCategory.FORBIDDEN, "ICC-SCOPE-NO-ROLE");
        }
    }

    @Test
    void headquartersUsersRegulatorsAuditorsTheCenterAndGatewaysSeeEverything() {
        for (Viewer viewer : List.of(HQ, HQ_TRADER, REGULATOR, AUDITOR, CENTER, GATEWAY)) {
            assertThat(list(viewer, PileDimension.OPERATOR, "OP-B").total()).as(viewer.principal()).isEqualTo(1);
            assertThat(count(viewer, PileDimension.PROVINCE, "330000")).isEqualTo(1);
            assertThat(piles.find(new FindPileQuery(viewer, new PileId("PB-1"))).operatorId().value()).isEqualTo("OP-B");
            assertThat(operators.find(new FindOperatorsQuery(viewer)).items()).hasSize(3);
            assertThat(units.find(new FindAggregationUnitsQuery(viewer)).items()).hasSize(2);
        }
    }

    @Test
    void anOperatorSeesItsOwnPilesStationsAndOperator() {
        assertThat(piles.find(new FindPileQuery(PLATFORM_A, new PileId("PA-1"))).pileId().value()).isEqualTo("PA-1");
        assertThat(stations.find(new FindStationQuery(PLATFORM_A, new StationId("ST-A2"))).piles()).isEqualTo(1);
        assertThat(operators.find(new FindOperatorQuery(PLATFORM_A, new OperatorId("OP-A"))).piles()).isEqualTo(3);
    }

    @Test
    void anotherOperatorsObjectsLookUnknownToAnOperator() {
        refusal(() -> piles.find(new FindPileQuery(PLATFORM_A, new PileId("PB-1"))), ErrorCategory.NOT_FOUND, "ICC-PILE-NOT-FOUND");
        refusal(() -> stations.find(new FindStationQuery(PLATFORM_A, new StationId("ST-B1"))), ErrorCategory.NOT_FOUND,
                "ICC-STATION-NOT-FOUND");
        refusal(() -> operators.find(new FindOperatorQuery(PLATFORM_A, new OperatorId("OP-B"))), ErrorCategory.NOT_FOUND,
                "ICC-OPERATOR-NOT-FOUND");
        refusal(() -> piles.find(new FindPileQuery(STAFF_B, new PileId("PA-1"))), ErrorCategory.NOT_FOUND, "ICC-PILE-NOT-FOUND");
    }

    @Test
    void anOperatorListsPilesOnlyByItsOwnOperatorOrItsOwnStations() {
        assertThat(list(PLATFORM_A, PileDimension.OPERATOR, "OP-A").total()).isEqualTo(3);
        assertThat(list(PLATFORM_A, PileDimension.STATION, "ST-A1").total()).isEqualTo(2);
        assertThat(count(PLATFORM_A, PileDimension.STATION, "ST-A2")).isEqualTo(1);
        assertThat(list(STAFF_B, PileDimension.OPERATOR, "OP-B").total()).isEqualTo(1);

        refusal(() -> list(PLATFORM_A, PileDimension.OPERATOR, "OP-B"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
        refusal(() -> list(PLATFORM_A, PileDimension.STATION, "ST-B1"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
        refusal(() -> count(PLATFORM_A, PileDimension.STATION, "ST-UNKNOWN"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
        for (PileDimension dimension : List.of(PileDimension.DISPATCH_AREA, PileDimension.UNIT, PileDimension.PROVINCE,
                PileDimension.CITY, PileDimension.DISTRICT)) {
            String key = switch (dimension) {
                case DISPATCH_AREA -> "DA-NJ";
                case UNIT -> "U-1";
                case PROVINCE -> "320000";
                case CITY -> "320100";
                default -> "320102";
            };
            refusal(() -> list(PLATFORM_A, dimension, key), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
            refusal(() -> count(PLATFORM_A, dimension, key), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
        }
    }

    @Test
    void anOperatorsOperatorListHoldsOnlyItself() {
        assertThat(operators.find(new FindOperatorsQuery(PLATFORM_A)).items()).extracting(v -> v.operatorId().value())
                .containsExactly("OP-A");
    }

    @Test
    void anOperatorMayNotSeeAggregationUnits() {
        refusal(() -> units.find(new FindAggregationUnitQuery(PLATFORM_A, new AggregationUnitId("U-1"))), ErrorCategory.FORBIDDEN,
                "ICC-SCOPE-OPERATOR");
        refusal(() -> units.find(new FindAggregationUnitsQuery(PLATFORM_A)), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
    }

    @Test
    void aProvinceUserListsByProvinceCityAndDistrictInsideItsProvinceOnly() {
        assertThat(list(JIANGSU, PileDimension.PROVINCE, "320000").total()).isEqualTo(4);
        assertThat(list(JIANGSU, PileDimension.CITY, "320500").total()).isEqualTo(1);
        assertThat(count(JIANGSU, PileDimension.DISTRICT, "320104")).isEqualTo(1);

        refusal(() -> list(JIANGSU, PileDimension.PROVINCE, "330000"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        refusal(() -> count(JIANGSU, PileDimension.CITY, "330100"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
    }

    @Test
    void aCityUserListsByItsCityAndItsDistrictsOnly() {
        assertThat(list(NANJING, PileDimension.CITY, "320100").total()).isEqualTo(3);
        assertThat(list(NANJING, PileDimension.DISTRICT, "320102").total()).isEqualTo(2);

        refusal(() -> list(NANJING, PileDimension.PROVINCE, "320000"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        refusal(() -> list(NANJING, PileDimension.CITY, "320500"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        refusal(() -> list(NANJING, PileDimension.DISTRICT, "320508"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
    }

    @Test
    void aWorkAreaUserListsByItsOwnDistrictOnly() {
        assertThat(count(XUANWU, PileDimension.DISTRICT, "320102")).isEqualTo(2);

        refusal(() -> list(XUANWU, PileDimension.DISTRICT, "320104"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        refusal(() -> list(XUANWU, PileDimension.CITY, "320100"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        refusal(() -> list(XUANWU, PileDimension.DISTRICT, "not-a-code"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
    }

    @Test
    void aRegionalUserMayNotListByOperatorStationDispatchAreaOrUnit() {
        for (PileDimension dimension : List.of(PileDimension.OPERATOR, PileDimension.STATION, PileDimension.DISPATCH_AREA,
                PileDimension.UNIT)) {
            refusal(() -> list(JIANGSU, dimension, "OP-A"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
            refusal(() -> count(NANJING, dimension, "ST-A1"), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
        }
    }

    @Test
    void aRegionalUserSeesSinglePilesAndStationsInsideItsScopeOnly() {
        assertThat(piles.find(new FindPileQuery(JIANGSU, new PileId("PC-1"))).pileId().value()).isEqualTo("PC-1");
        assertThat(piles.find(new FindPileQuery(XUANWU, new PileId("PA-2"))).pileId().value()).isEqualTo("PA-2");
        assertThat(stations.find(new FindStationQuery(NANJING, new StationId("ST-A2"))).stationId().value()).isEqualTo("ST-A2");

        refusal(() -> piles.find(new FindPileQuery(JIANGSU, new PileId("PB-1"))), ErrorCategory.NOT_FOUND, "ICC-PILE-NOT-FOUND");
        refusal(() -> piles.find(new FindPileQuery(XUANWU, new PileId("PA-3"))), ErrorCategory.NOT_FOUND, "ICC-PILE-NOT-FOUND");
        refusal(() -> stations.find(new FindStationQuery(NANJING, new StationId("ST-C1"))), ErrorCategory.NOT_FOUND,
                "ICC-STATION-NOT-FOUND");
    }

    @Test
    void aRegionalUserMayNotSeeOperatorsOrUnits() {
        for (Viewer viewer : List.of(JIANGSU, NANJING, XUANWU)) {
            refusal(() -> operators.find(new FindOperatorsQuery(viewer)), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
            refusal(() -> operators.find(new FindOperatorQuery(viewer, new OperatorId("OP-A"))), ErrorCategory.FORBIDDEN,
                    "ICC-SCOPE-REGION");
            refusal(() -> units.find(new FindAggregationUnitsQuery(viewer)), ErrorCategory.FORBIDDEN, "ICC-SCOPE-REGION");
            refusal(() -> units.find(new FindAggregationUnitQuery(viewer, new AggregationUnitId("U-1"))), ErrorCategory.FORBIDDEN,
                    "ICC-SCOPE-REGION");
        }
    }
}
