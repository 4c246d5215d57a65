package org.evgrid.icc.command.alarm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;

/**
 * A person's acknowledgement of an alarm (R-6.2b), stream {@code alarm:<alarm id>}: an alarm is acknowledged once, with
 * an optional note of up to {@value #MAX_NOTE} characters; who acknowledged is the command's signer (event metadata).
 * Alarms themselves are raised by the read side; their ids are deterministic, so an acknowledgement needs no alarm
 * stream to exist first.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class AlarmAcknowledgement {

    /** Longest note. */
    public static final int MAX_NOTE = 500;

    @AggregateIdentifier
    private String streamId;
    private AlarmId alarmId;

    /** For Axon. */
    public AlarmAcknowledgement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcknowledgeAlarmCommand command) {
        String note = Texts.optional(command.note(), "note", "确认说明", "note", MAX_NOTE);
        if (alarmId != null) {
            throw Refusal.conflict("ICC-ALARM-ACKNOWLEDGED", "alarmId",
                    "告警 " + command.alarmId() + " 已被确认，不能重复确认", "Alarm " + command.alarmId() + " has already been acknowledged",
                    "Nothing to do; see the alarm for who acknowledged it and the note").exception();
        }
        apply(new AlarmAcknowledgedEvent(command.alarmId(), note));
    }

    @EventSourcingHandler
    void on(AlarmAcknowledgedEvent event) {
        streamId = StreamIds.of(event.alarmId());
        alarmId = event.alarmId();
    }
}
