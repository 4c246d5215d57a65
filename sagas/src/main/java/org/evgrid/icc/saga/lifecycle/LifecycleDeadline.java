package org.evgrid.icc.saga.lifecycle;

import java.time.Instant;

/**
 * Payload of the lifecycle saga's deadlines: what it is about ({@code ref}: an instruction id, or the quarter hour for
 * an interval end) and when it is due, so a deadline that fires early can be put back to its due time.
 *
 * <p>Stored with scheduled deadlines: renaming or moving this type strands the deadlines already scheduled.
 */
public record LifecycleDeadline(String ref, Instant dueAt) {
}
