package org.evgrid.icc.command.alarm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.regex.Pattern;

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
import org.evgrid.icc.coreapi.alarm.AcknowledgeSystemAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.RaiseSystemAlarmCommand;
import org.evgrid.icc.coreapi.alarm.SystemAlarmRaisedEvent;

/**
 * A person's acknowledgement of an alarm (R-6.2b), stream {@code alarm:<alarm id>}: an alarm is acknowledged once, with
 * an optional note of up to {@value #MAX_NOTE} characters; who acknowledged is the command's signer (event metadata).
 * Business alarms are raised by the read side; their ids are deterministic, so an acknowledgement needs no alarm
 * stream to exist first. Alarms about the center's own integrity (a broken ledger, a projection that differs from its
 * rebuild) are raised by the center in the same stream ({@link RaiseSystemAlarmCommand}, each raise one more occurrence;
 * an acknowledged alarm may be raised again and stays acknowledged).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class AlarmAcknowledgement {

    /** Longest note. */
    public static final int MAX_NOTE = 500;
    /** Longest system alarm title (each language). */
    public static final int MAX_TITLE = 200;
    /** Longest system alarm details. */
    public static final int MAX_DETAILS = 2000;

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @AggregateIdentifier
    private String streamId;
    private boolean acknowledged;
    private boolean system;

    /** For Axon. */
    public AlarmAcknowledgement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcknowledgeAlarmCommand command) {
        if (system) {
            throw Refusal.forbidden("ICC-ALARM-SYSTEM-ACK", "alarmId",
                    "告警 " + command.alarmId() + " 是系统完整性告警，只能由安全管理员确认",
                    "Alarm " + command.alarmId() + " is about the center's integrity: only a security operator acknowledges it",
                    "A security operator signs AcknowledgeSystemAlarm for it").exception();
        }
        acknowledge(command.alarmId(), command.note());
    }

    /** A security operator acknowledges an integrity alarm (only those). */
    @CommandHandler
    public void handle(AcknowledgeSystemAlarmCommand command) {
        if (!system) {
            throw Refusal.forbidden("ICC-ALARM-NOT-SYSTEM", "alarmId",
                    "告警 " + command.alarmId() + " 不是系统完整性告警，应由调度、交易或结算人员确认",
                    "Alarm " + command.alarmId() + " is not about the center's integrity: business staff acknowledge it",
                    "A dispatcher, trader or settlement clerk signs AcknowledgeAlarm for it").exception();
        }
        acknowledge(command.alarmId(), command.note());
    }

    private void acknowledge(AlarmId alarmId, String givenNote) {
        String note = Texts.optional(givenNote, "note", "确认说明", "note", MAX_NOTE);
        if (acknowledged) {
            throw Refusal.conflict("ICC-ALARM-ACKNOWLEDGED", "alarmId",
                    "告警 " + alarmId + " 已被确认，不能重复确认", "Alarm " + alarmId + " has already been acknowledged",
                    "Nothing to do; see the alarm for who acknowledged it and the note").exception();
        }
        apply(new AlarmAcknowledgedEvent(alarmId, note));
    }

    /** The center raises a system alarm, or raises it again (one more occurrence). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RaiseSystemAlarmCommand command) {
        if (command.type() == null || !TYPE.matcher(command.type()).matches()) {
            throw Refusal.invalid("ICC-ALARM-TYPE", "type", "告警类型应为 1–40 位大写字母、数字或下划线，以字母开头",
                    "The alarm type must be 1-40 upper-case letters, digits or _, starting with a letter", "Send a type such as LEDGER")
                    .exception();
        }
        if (command.level() == null) {
            throw Texts.missing("level", "告警级别", "alarm level").exception();
        }
        String module = Texts.required(command.module(), "module", "模块", "module", 40);
        String titleZh = Texts.required(command.titleZh(), "titleZh", "中文标题", "Chinese title", MAX_TITLE);
        String titleEn = Texts.required(command.titleEn(), "titleEn", "英文标题", "English title", MAX_TITLE);
        String details = Texts.required(command.details(), "details", "告警详情", "alarm details", MAX_DETAILS);
        String subject = Texts.required(command.subject(), "subject", "告警对象", "alarm subject", 200);
        if (!AlarmId.of(command.type(), subject).equals(command.alarmId())) {
            throw Refusal.invalid("ICC-ALARM-ID", "alarmId", "告警标识应为 ALM-<类型>-<对象>，与类型和对象一致",
                    "The alarm id must be ALM-<type>-<subject>, matching the type and subject",
                    "Send the id " + AlarmId.of(command.type(), subject).value()).exception();
        }
        apply(new SystemAlarmRaisedEvent(command.alarmId(), command.type(), command.level(), module, titleZh, titleEn, details, subject));
    }

    @EventSourcingHandler
    void on(AlarmAcknowledgedEvent event) {
        streamId = StreamIds.of(event.alarmId());
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(SystemAlarmRaisedEvent event) {
        streamId = StreamIds.of(event.alarmId());
        system = true;
    }
}
