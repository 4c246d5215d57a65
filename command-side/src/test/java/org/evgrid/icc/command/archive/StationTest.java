package org.evgrid.icc.command.archive;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.common.TestData.NANJING_POINT;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.stationRegistered;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationUpdatedEvent;
import org.evgrid.icc.coreapi.archive.UpdateStationCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationTest {

    private static final StationId ST = new StationId("ST-1");

    private AggregateTestFixture<Station> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Station.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerCommandHandlerInterceptor(new UnknownTargetInterceptor());
    }

    @Test
    void theOperatorRenamesAndMovesItsStation() {
        GeoPoint moved = new GeoPoint(new BigDecimal("32.05"), new BigDecimal("118.78"));
        fixture.given(stationRegistered("ST-1", "OP-1"))
                .when(new UpdateStationCommand(ST, operator("OP-1"), "新街口充电站二期", moved))
                .expectEvents(new StationUpdatedEvent(ST, operator("OP-1"), "新街口充电站二期", moved));
    }

    @Test
    void anotherOperatorMayNotUpdateTheStation() {
        fixture.given(stationRegistered("ST-1", "OP-1"))
                .when(new UpdateStationCommand(ST, operator("OP-2"), "抢来的站", NANJING_POINT))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-ARCHIVE-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void anUpdateWithoutOperatorIsRefused() {
        fixture.given(stationRegistered("ST-1", "OP-1"))
                .when(new UpdateStationCommand(ST, null, "站", NANJING_POINT))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aDecommissionedStationCannotBeUpdated() {
        fixture.given(stationRegistered("ST-1", "OP-1"), new StationDecommissionedEvent(ST, operator("OP-1"), null))
                .when(new UpdateStationCommand(ST, operator("OP-1"), "站", NANJING_POINT))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-STATION-DECOMMISSIONED"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({"90.0001, 118", "-90.5, 118", "32, 180.01", "32, -181"})
    void coordinatesOutsideTheGlobeAreRefused(String latitude, String longitude) {
        fixture.given(stationRegistered("ST-1", "OP-1"))
                .when(new UpdateStationCommand(ST, operator("OP-1"), "站",
                        new GeoPoint(new BigDecimal(latitude), new BigDecimal(longitude))))
                .expectException(refused(ErrorCategory.INVALID, "ICC-LOCATION-INVALID"))
                .expectNoEvents();
    }

    @Test
    void aStationNameOfMoreThanHundredCharactersIsRefused() {
        fixture.given(stationRegistered("ST-1", "OP-1"))
                .when(new UpdateStationCommand(ST, operator("OP-1"), "站".repeat(101), NANJING_POINT))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
    }

    @Test
    void updatingAnUnknownStationIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new UpdateStationCommand(ST, operator("OP-1"), "站", NANJING_POINT))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-STATION-UNKNOWN"));
    }
}
