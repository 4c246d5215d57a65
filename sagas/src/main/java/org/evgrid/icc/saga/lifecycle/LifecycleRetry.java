package org.evgrid.icc.saga.lifecycle;

import java.time.Instant;

/**
 * Payload of the lifecycle saga's retry deadline: the step to try again ({@link TradingLifecycleSaga.Step} name), what
 * it is about (an instruction id for an instruction timeout, else null) and when it is due.
 *
 * <p>Stored with scheduled deadlines: renaming or moving this type strands the deadlines already scheduled.
 */
public record LifecycleRetry(String step, String ref, Instant dueAt) {
}
