package org.evgrid.icc.coreapi.diagnosis;

import java.time.Instant;

/** The runtime debug switch: on or off, until when, and who turned it on or off last. */
public record DebugSwitchView(
        boolean enabled,
        Instant until,
        String by) {
}
