package org.evgrid.icc.command.archive;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.common.TestData.AREA;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AggregationUnitTest {

    private static final AggregationUnitId UNIT = new AggregationUnitId("U-1");

    private AggregateTestFixture<AggregationUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AggregationUnit.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    @Test
    void aUnitIsCreatedInOneDispatchAreaAndProvince() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregationUnitCommand(UNIT, "南京城区一号", AREA, "320000"))
                .expectEvents(new AggregationUnitCreatedEvent(UNIT, "南京城区一号", AREA, "320000"));
    }

    @Test
    void aRepeatedUnitIdIsAConflict() {
        fixture.given(new AggregationUnitCreatedEvent(UNIT, "南京城区一号", AREA, "320000"))
                .when(new CreateAggregationUnitCommand(UNIT, "南京城区一号", AREA, "320000"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-UNIT-EXISTS"))
                .expectNoEvents();
    }

    @Test
    void aUnitWithoutNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregationUnitCommand(UNIT, " ", AREA, "320000"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aUnitNameOfMoreThanHundredCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregationUnitCommand(UNIT, "单".repeat(101), AREA, "320000"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
    }

    @Test
    void aUnitWithoutDispatchAreaIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregationUnitCommand(UNIT, "南京城区一号", null, "320000"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"320100", "32000", "3200000", "32000a", ""})
    void aProvinceCodeThatIsNotSixDigitsEndingInFourZerosIsRefused(String provinceCode) {
        fixture.givenNoPriorActivity()
                .when(new CreateAggregationUnitCommand(UNIT, "南京城区一号", AREA, provinceCode))
                .expectException(refused(ErrorCategory.INVALID, "ICC-REGION-INVALID"))
                .expectNoEvents();
    }
}
