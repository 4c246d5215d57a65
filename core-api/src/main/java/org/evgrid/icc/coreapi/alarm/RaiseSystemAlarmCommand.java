package org.evgrid.icc.coreapi.alarm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The center raises an alarm about its own integrity (R-6.2b): a broken ledger chain, a projection that differs from its
 * rebuild, a broken audit log chain. The id is deterministic ({@code ALM-<type>-<subject>}, see {@link AlarmId#of}), so
 * raising the same finding again counts one more occurrence of the same alarm instead of adding one.
 *
 * @param alarmId {@code ALM-<type>-<subject>}
 * @param type upper-case letters, digits and _ (e.g. {@code LEDGER})
 * @param level severity
 * @param module the part of the center that found it (e.g. {@code ledger})
 * @param titleZh the title in Chinese
 * @param titleEn the title in English
 * @param details what was found, in both languages
 * @param subject what the alarm is about (e.g. the first broken ledger position)
 */
@SignedBy(Role.CENTER_SERVICE)
public record RaiseSystemAlarmCommand(
        @TargetAggregateIdentifier AlarmId alarmId,
        String type,
        AlarmLevel level,
        String module,
        String titleZh,
        String titleEn,
        String details,
        String subject) {
}
