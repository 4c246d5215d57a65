package org.evgrid.icc.command.dispatch.internal;

/** Where the per-pile schedule of a plan version is written before its event is applied (docs/dispatch-schedules.md). */
public interface ScheduleStore {

    /** Writes (replaces) the schedule's chunk documents, then its index document; idempotent by {@code _id}. */
    void write(ScheduleLayout schedule);
}
