package org.evgrid.icc.command.forecast;

import static org.evgrid.icc.command.common.Refused.refused;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final String UNIT = "AU-JS-NJ-1";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant ISSUED = Instant.parse("2026-11-25T22:30:00Z");
    private static final ForecastId ID = ForecastId.of(PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY, 1);

    private AggregateTestFixture<Forecast> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Forecast.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    /** 96 points of 100.5 kW: 2,412 kWh. */
    private static List<BigDecimal> flat() {
        return new ArrayList<>(Collections.nCopies(96, new BigDecimal("100.5")));
    }

    private static PublishForecastCommand command(ForecastId id, int version, List<BigDecimal> points, BigDecimal energy,
                                                  boolean discharge) {
        return new PublishForecastCommand(id, PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY, version,
                DAY.minusDays(29), DAY.minusDays(2), ISSUED, points, energy, discharge);
    }

    private static PublishForecastCommand valid() {
        return command(ID, 1, flat(), new BigDecimal("2412"), false);
    }

    private static ForecastPublishedEvent published() {
        return new ForecastPublishedEvent(ID, PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY, 1, DAY.minusDays(29),
                DAY.minusDays(2), ISSUED, Collections.nCopies(96, new BigDecimal("100.500")), new BigDecimal("2412.000"));
    }

    @Test
    void aForecastOf96PointsIsPublishedWithPointsAndEnergyAtThreeDecimals() {
        fixture.givenNoPriorActivity().when(valid()).expectEvents(published());
    }

    @Test
    void theIdCarriesDimensionKeyDayModelAndVersion() {
        org.assertj.core.api.Assertions.assertThat(ID.value()).isEqualTo("FC-U-AU-JS-NJ-1-20261127-SDW-v1");
    }

    @Test
    void republishingTheSameIdIsAConflict() {
        fixture.given(published()).when(valid())
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-FC-EXISTS")).expectNoEvents();
    }

    @Test
    void aSecondVersionIsANewForecast() {
        ForecastId v2 = ForecastId.of(PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY, 2);
        fixture.givenNoPriorActivity().when(command(v2, 2, flat(), new BigDecimal("2412.000"), false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void ninetyFivePointsAreRefused() {
        List<BigDecimal> points = flat();
        points.remove(95);
        fixture.givenNoPriorActivity().when(command(ID, 1, points, new BigDecimal("2386.875"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-POINTS-COUNT")).expectNoEvents();
    }

    @Test
    void aMissingPointIsRefused() {
        List<BigDecimal> points = flat();
        points.set(10, null);
        fixture.givenNoPriorActivity().when(command(ID, 1, points, new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-POINT-MISSING")).expectNoEvents();
    }

    @Test
    void aNegativePointIsRefusedWithoutV2g() {
        List<BigDecimal> points = flat();
        points.set(0, new BigDecimal("-2.5"));
        BigDecimal energy = new BigDecimal("2386.25");
        fixture.givenNoPriorActivity().when(command(ID, 1, points, energy, false))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-FC-POINT-NEGATIVE")).expectNoEvents();
    }

    @Test
    void aNegativePointIsAcceptedWhenTheKeyDischargesToTheGrid() {
        List<BigDecimal> points = flat();
        points.set(0, new BigDecimal("-2.5"));
        fixture.givenNoPriorActivity().when(command(ID, 1, points, new BigDecimal("2386.25"), true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPointWithFourDecimalsIsRefused() {
        List<BigDecimal> points = flat();
        points.set(3, new BigDecimal("100.5004"));
        fixture.givenNoPriorActivity().when(command(ID, 1, points, new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-POINT-PRECISION")).expectNoEvents();
    }

    @Test
    void anEnergyThatIsNotTheSumOfThePointsIsRefused() {
        fixture.givenNoPriorActivity().when(command(ID, 1, flat(), new BigDecimal("2412.002"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-ENERGY-MISMATCH")).expectNoEvents();
    }

    @Test
    void anIdThatDoesNotMatchTheFieldsIsRefused() {
        ForecastId other = ForecastId.of(PileDimension.UNIT, UNIT, DAY, ForecastModel.SEASONAL_NAIVE_7D, 1);
        fixture.givenNoPriorActivity().when(command(other, 1, flat(), new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-ID-MISMATCH")).expectNoEvents();
    }

    @Test
    void versionZeroIsRefused() {
        ForecastId v0 = ForecastId.of(PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY, 0);
        fixture.givenNoPriorActivity().when(command(v0, 0, flat(), new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-VERSION")).expectNoEvents();
    }

    @Test
    void aTrainingWindowReachingIntoTheTradingDayIsRefused() {
        fixture.givenNoPriorActivity().when(new PublishForecastCommand(ID, PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY,
                        1, DAY.minusDays(28), DAY, ISSUED, flat(), new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-TRAINING-WINDOW")).expectNoEvents();
    }

    @Test
    void aForecastByOperatorIsRefused() {
        ForecastId byOperator = ForecastId.of(PileDimension.OPERATOR, "OP-1", DAY, ForecastModel.SIMILAR_DAY, 1);
        fixture.givenNoPriorActivity().when(new PublishForecastCommand(byOperator, PileDimension.OPERATOR, "OP-1", DAY,
                        ForecastModel.SIMILAR_DAY, 1, DAY.minusDays(28), DAY.minusDays(2), ISSUED, flat(), new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FC-DIMENSION")).expectNoEvents();
    }

    @Test
    void aForecastWithoutIssueTimeIsRefused() {
        fixture.givenNoPriorActivity().when(new PublishForecastCommand(ID, PileDimension.UNIT, UNIT, DAY, ForecastModel.SIMILAR_DAY,
                        1, DAY.minusDays(28), DAY.minusDays(2), null, flat(), new BigDecimal("2412"), false))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }
}
