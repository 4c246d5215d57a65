package org.evgrid.icc.coreapi.alarm;

import java.util.List;

/** Alarms, newest first. */
public record AlarmList(
        List<AlarmView> items,
        long total) {
}
