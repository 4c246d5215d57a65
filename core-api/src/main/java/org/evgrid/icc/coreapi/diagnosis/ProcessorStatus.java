package org.evgrid.icc.coreapi.diagnosis;

/** One event processor: kind (tracking, pooled, subscribing), running, in error, and events behind the head (null: not tracking). */
public record ProcessorStatus(
        String name,
        String kind,
        boolean running,
        boolean error,
        Long lagEvents) {
}
