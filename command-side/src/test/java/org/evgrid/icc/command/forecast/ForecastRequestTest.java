package org.evgrid.icc.command.forecast;

import static org.evgrid.icc.command.common.Refused.refused;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastRequestId;
import org.evgrid.icc.coreapi.forecast.ForecastRequestedEvent;
import org.evgrid.icc.coreapi.forecast.RequestForecastCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForecastRequestTest {

    private static final ForecastRequestId REQ = new ForecastRequestId("REQ-1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private AggregateTestFixture<ForecastRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForecastRequest.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    @Test
    void aRequestWithoutModelAsksForTheDefaultModel() {
        fixture.givenNoPriorActivity()
                .when(new RequestForecastCommand(REQ, PileDimension.DISPATCH_AREA, "JS-NJ", DAY, null))
                .expectEvents(new ForecastRequestedEvent(REQ, PileDimension.DISPATCH_AREA, "JS-NJ", DAY, ForecastModel.SIMILAR_DAY));
    }

    @Test
    void aRequestKeepsTheChosenModel() {
        fixture.givenNoPriorActivity()
                .when(new RequestForecastCommand(REQ, PileDimension.UNIT, "AU-1", DAY, ForecastModel.SEASONAL_NAIVE_7D))
                .expectEvents(new ForecastRequestedEvent(REQ, PileDimension.UNIT, "AU-1", DAY, ForecastModel.SEASONAL_NAIVE_7D));
    }

    @Test
    void aRepeatedRequestIdIsAConflict() {
        fixture.given(new ForecastRequestedEvent(REQ, PileDimension.UNIT, "AU-1", DAY, ForecastModel.SIMILAR_DAY))
                .when(new RequestForecastCommand(REQ, PileDimension.UNIT, "AU-1", DAY, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-FC-REQUEST-EXISTS")).expectNoEvents();
    }

    @Test
    void aRequestByStationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestForecastCommand(REQ, PileDimension.STATION, "ST-1", DAY, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-DIMENSION")).expectNoEvents();
    }

    @Test
    void aRequestWithoutTradingDayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestForecastCommand(REQ, PileDimension.UNIT, "AU-1", null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }
}
