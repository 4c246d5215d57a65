package org.evgrid.icc.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.archive.internal.ArchiveRules;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.OperatorUpdatedEvent;
import org.evgrid.icc.coreapi.archive.ReinstateOperatorCommand;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdateOperatorCommand;

/**
 * A charging operator platform. Registered by {@link OperatorCommandHandler} together with its platform
 * signing keys; a suspended operator registers nothing new until reinstated.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class Operator {

    @AggregateIdentifier
    private String streamId;
    private OperatorId operatorId;
    private boolean suspended;

    /** For Axon. */
    public Operator() {
    }

    /** A new operator from a registration that {@link OperatorCommandHandler} has checked. */
    Operator(OperatorRegisteredEvent registration) {
        apply(registration);
    }

    /** Changes name, contact and share ratio; all three are given anew. */
    @CommandHandler
    public void handle(UpdateOperatorCommand command) {
        String name = ArchiveRules.name(command.name(), "name", "运营商名称", "operator name");
        Contact contact = ArchiveRules.contact(command.contact());
        BigDecimal shareRatio = ArchiveRules.shareRatio(command.shareRatio());
        apply(new OperatorUpdatedEvent(operatorId, name, contact, shareRatio));
    }

    @CommandHandler
    public void handle(SuspendOperatorCommand command) {
        if (suspended) {
            throw Refusal.conflict("ICC-OPERATOR-ALREADY-SUSPENDED", "operatorId",
                    "运营商 " + operatorId + " 已处于暂停状态", "Operator " + operatorId + " is already suspended",
                    "Nothing to do; reinstate the operator when it may register again").exception();
        }
        apply(new OperatorSuspendedEvent(operatorId, ArchiveRules.reason(command.reason())));
    }

    @CommandHandler
    public void handle(ReinstateOperatorCommand command) {
        if (!suspended) {
            throw Refusal.conflict("ICC-OPERATOR-NOT-SUSPENDED", "operatorId",
                    "运营商 " + operatorId + " 未被暂停，无需恢复", "Operator " + operatorId + " is not suspended",
                    "Nothing to do").exception();
        }
        apply(new OperatorReinstatedEvent(operatorId, ArchiveRules.reason(command.reason())));
    }

    /** Whether the operator is suspended (for handlers that register archives of the operator). */
    boolean suspended() {
        return suspended;
    }

    @EventSourcingHandler
    void on(OperatorRegisteredEvent event) {
        streamId = StreamIds.of(event.operatorId());
        operatorId = event.operatorId();
    }

    @EventSourcingHandler
    void on(OperatorSuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(OperatorReinstatedEvent event) {
        suspended = false;
    }
}
