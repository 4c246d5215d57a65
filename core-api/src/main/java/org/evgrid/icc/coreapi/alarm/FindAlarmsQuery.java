package org.evgrid.icc.coreapi.alarm;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for alarms, optionally of one status and module; answers {@link AlarmList}. */
public record FindAlarmsQuery(
        Viewer viewer,
        AlarmStatus status,
        String module,
        int page,
        int size) {
}
