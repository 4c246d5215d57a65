package org.evgrid.icc.command.alarm;

import static org.evgrid.icc.command.common.Refused.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmAcknowledgementTest {

    private static final AlarmId ALARM = new AlarmId("ALM-DEVIATION-DP-1~Q37");

    private AggregateTestFixture<AlarmAcknowledgement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AlarmAcknowledgement.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
    }

    @Test
    void anAlarmIsAcknowledgedWithANote() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeAlarmCommand(ALARM, "  operator called "))
                .expectEvents(new AlarmAcknowledgedEvent(ALARM, "operator called"));
    }

    @Test
    void anAlarmIsAcknowledgedWithoutANote() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeAlarmCommand(ALARM, " "))
                .expectEvents(new AlarmAcknowledgedEvent(ALARM, null));
    }

    @Test
    void aSecondAcknowledgementIsRefused() {
        fixture.given(new AlarmAcknowledgedEvent(ALARM, null))
                .when(new AcknowledgeAlarmCommand(ALARM, "again"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-ALARM-ACKNOWLEDGED"))
                .expectNoEvents();
    }

    @Test
    void aNoteOfMoreThanFiveHundredCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeAlarmCommand(ALARM, "x".repeat(501)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeAlarmCommand(ALARM, "x".repeat(500)))
                .expectEvents(new AlarmAcknowledgedEvent(ALARM, "x".repeat(500)));
    }
}
