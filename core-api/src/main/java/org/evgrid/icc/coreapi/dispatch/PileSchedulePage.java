package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

/** A page of pile schedules of one operator in a plan. */
public record PileSchedulePage(
        List<PileScheduleView> items,
        long total) {
}
