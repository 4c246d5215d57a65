package org.evgrid.icc.command.archive;

import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.common.TestData.contact;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.operatorRegistered;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.OperatorUpdatedEvent;
import org.evgrid.icc.coreapi.archive.ReinstateOperatorCommand;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdateOperatorCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorTest {

    private AggregateTestFixture<Operator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Operator.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerCommandHandlerInterceptor(new UnknownTargetInterceptor());
    }

    @Test
    void anOperatorChangesNameContactAndShareRatio() {
        Contact contact = new Contact("李工", "+8613812345678", null);
        fixture.given(operatorRegistered("OP-1"))
                .when(new UpdateOperatorCommand(operator("OP-1"), " 星星充电（江苏） ", contact, new BigDecimal("0.4")))
                .expectEvents(new OperatorUpdatedEvent(operator("OP-1"), "星星充电（江苏）", contact, new BigDecimal("0.4")));
    }

    @Test
    void anUpdateWithAShareRatioAboveOneIsRefused() {
        fixture.given(operatorRegistered("OP-1"))
                .when(new UpdateOperatorCommand(operator("OP-1"), "星星充电", contact(), new BigDecimal("1.5")))
                .expectException(refused(ErrorCategory.INVALID, "ICC-OPERATOR-SHARE-RATIO-INVALID"))
                .expectNoEvents();
    }

    @Test
    void anUpdateWithoutNameIsRefused() {
        fixture.given(operatorRegistered("OP-1"))
                .when(new UpdateOperatorCommand(operator("OP-1"), null, contact(), BigDecimal.ONE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void anUpdateWithAFaultyPhoneIsRefused() {
        fixture.given(operatorRegistered("OP-1"))
                .when(new UpdateOperatorCommand(operator("OP-1"), "星星充电", new Contact("王工", "call me", null), BigDecimal.ONE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-OPERATOR-PHONE-INVALID"))
                .expectNoEvents();
    }

    @Test
    void updatingAnUnknownOperatorIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new UpdateOperatorCommand(operator("OP-9"), "星星充电", contact(), BigDecimal.ONE))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN"));
    }

    @Test
    void anOperatorIsSuspended() {
        fixture.given(operatorRegistered("OP-1"))
                .when(new SuspendOperatorCommand(operator("OP-1"), "合同到期"))
                .expectEvents(new OperatorSuspendedEvent(operator("OP-1"), "合同到期"));
    }

    @Test
    void suspendingASuspendedOperatorIsAConflict() {
        fixture.given(operatorRegistered("OP-1"), new OperatorSuspendedEvent(operator("OP-1"), null))
                .when(new SuspendOperatorCommand(operator("OP-1"), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-OPERATOR-ALREADY-SUSPENDED"))
                .expectNoEvents();
    }

    @Test
    void aSuspensionReasonOfMoreThanTwoHundredCharactersIsRefused() {
        fixture.given(operatorRegistered("OP-1"))
                .when(new SuspendOperatorCommand(operator("OP-1"), "因".repeat(201)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedOperatorIsReinstated() {
        fixture.given(operatorRegistered("OP-1"), new OperatorSuspendedEvent(operator("OP-1"), null))
                .when(new ReinstateOperatorCommand(operator("OP-1"), "续签"))
                .expectEvents(new OperatorReinstatedEvent(operator("OP-1"), "续签"));
    }

    @Test
    void reinstatingAnActiveOperatorIsAConflict() {
        fixture.given(operatorRegistered("OP-1"), new OperatorSuspendedEvent(operator("OP-1"), null),
                        new OperatorReinstatedEvent(operator("OP-1"), null))
                .when(new ReinstateOperatorCommand(operator("OP-1"), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-OPERATOR-NOT-SUSPENDED"))
                .expectNoEvents();
    }

    @Test
    void suspendingAnUnknownOperatorIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SuspendOperatorCommand(operator("OP-9"), null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN"));
    }
}
