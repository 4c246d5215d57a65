package org.evgrid.icc.command.alarm;

import static org.evgrid.icc.command.common.Refused.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AcknowledgeSystemAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.RaiseSystemAlarmCommand;
import org.evgrid.icc.coreapi.alarm.SystemAlarmRaisedEvent;
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

    private static final AlarmId LEDGER = new AlarmId("ALM-LEDGER-1234");

    private static RaiseSystemAlarmCommand ledgerBreak(AlarmId id, String subject) {
        return new RaiseSystemAlarmCommand(id, "LEDGER", AlarmLevel.CRITICAL, "ledger", "账本链断裂", "Ledger chain broken",
                "first break at 1234", subject);
    }

    private static SystemAlarmRaisedEvent ledgerBreakRaised() {
        return new SystemAlarmRaisedEvent(LEDGER, "LEDGER", AlarmLevel.CRITICAL, "ledger", "账本链断裂", "Ledger chain broken",
                "first break at 1234", "1234");
    }

    @Test
    void theCenterRaisesASystemAlarmAndRaisesItAgainAsAnotherOccurrence() {
        fixture.givenNoPriorActivity()
                .when(ledgerBreak(LEDGER, "1234"))
                .expectEvents(ledgerBreakRaised());
        fixture.given(ledgerBreakRaised())
                .when(ledgerBreak(LEDGER, "1234"))
                .expectEvents(ledgerBreakRaised());
    }

    @Test
    void anAcknowledgedSystemAlarmMayBeRaisedAgainButNotAcknowledgedTwice() {
        fixture.given(ledgerBreakRaised(), new AlarmAcknowledgedEvent(LEDGER, "looking"))
                .when(ledgerBreak(LEDGER, "1234"))
                .expectEvents(ledgerBreakRaised());
        fixture.given(ledgerBreakRaised(), new AlarmAcknowledgedEvent(LEDGER, "looking"), ledgerBreakRaised())
                .when(new AcknowledgeSystemAlarmCommand(LEDGER, "again"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-ALARM-ACKNOWLEDGED"))
                .expectNoEvents();
    }

    @Test
    void aSystemAlarmIsAcknowledgedByTheSecurityOperatorsCommandOnly() {
        fixture.given(ledgerBreakRaised())
                .when(new AcknowledgeSystemAlarmCommand(LEDGER, "repairing"))
                .expectEvents(new AlarmAcknowledgedEvent(LEDGER, "repairing"));
        fixture.given(ledgerBreakRaised())
                .when(new AcknowledgeAlarmCommand(LEDGER, "repairing"))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-ALARM-SYSTEM-ACK"))
                .expectNoEvents();
    }

    @Test
    void aBusinessAlarmIsNotAcknowledgedAsASystemAlarm() {
        fixture.given(new AlarmAcknowledgedEvent(ALARM, null))
                .when(new AcknowledgeSystemAlarmCommand(ALARM, "not mine"))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-ALARM-NOT-SYSTEM"))
                .expectNoEvents();
        // an alarm the center never raised has no stream: nothing to acknowledge (404 over the API)
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeSystemAlarmCommand(ALARM, "not mine"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aSystemAlarmWhoseIdDoesNotMatchItsTypeAndSubjectIsRefused() {
        fixture.givenNoPriorActivity()
                .when(ledgerBreak(new AlarmId("ALM-LEDGER-99"), "1234"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ALARM-ID"))
                .expectNoEvents();
    }

    @Test
    void aSystemAlarmWithoutLevelOrWithABadTypeOrWithoutTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RaiseSystemAlarmCommand(LEDGER, "LEDGER", null, "ledger", "标题", "title", "details", "1234"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RaiseSystemAlarmCommand(LEDGER, "ledger", AlarmLevel.MAJOR, "ledger", "标题", "title", "details", "1234"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ALARM-TYPE"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RaiseSystemAlarmCommand(LEDGER, "LEDGER", AlarmLevel.MAJOR, "ledger", " ", "title", "details", "1234"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }
}
