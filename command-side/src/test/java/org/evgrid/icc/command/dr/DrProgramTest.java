package org.evgrid.icc.command.dr;

import static org.evgrid.icc.command.common.Refused.refused;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.dr.DrProgramRegisteredEvent;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.RegisterDrProgramCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrProgramTest {

    private static final DrProgramId ID = new DrProgramId("DRP-JS-PEAK");

    private AggregateTestFixture<DrProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DrProgram.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    private static RegisterDrProgramCommand register(String price) {
        return new RegisterDrProgramCommand(ID, "江苏削峰", DrProgramType.PEAK_SHAVING, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS,
                price == null ? null : new BigDecimal(price), "SR-DR-PEAK");
    }

    private static DrProgramRegisteredEvent registered(String price, int version) {
        return new DrProgramRegisteredEvent(ID, "江苏削峰", DrProgramType.PEAK_SHAVING, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS,
                new BigDecimal(price), "SR-DR-PEAK", version);
    }

    @Test
    void aProgramIsRegisteredAndEachChangeIsANewVersion() {
        fixture.givenNoPriorActivity().when(register("3000.5")).expectEvents(registered("3000.50", 1));
        setUp();
        fixture.given(registered("3000.50", 1)).when(register("3500")).expectEvents(registered("3500.00", 2));
    }

    @Test
    void theSameRegistrationAgainChangesNothing() {
        fixture.given(registered("3000.50", 1)).when(register("3000.5")).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aProgramNeedsANameATypeABaselineRuleAndANonNegativePrice() {
        fixture.givenNoPriorActivity().when(register("-1"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-NEGATIVE")).expectNoEvents();
        fixture.givenNoPriorActivity().when(register("1.001"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-PRECISION")).expectNoEvents();
        fixture.givenNoPriorActivity().when(register(null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterDrProgramCommand(ID, " ", DrProgramType.PEAK_SHAVING, BaselineRule.PRIOR_15_MINUTES, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterDrProgramCommand(ID, "n", null, BaselineRule.PRIOR_15_MINUTES, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterDrProgramCommand(ID, "n", DrProgramType.VALLEY_FILLING, null, BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }
}
