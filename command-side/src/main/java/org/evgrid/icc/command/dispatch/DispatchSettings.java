package org.evgrid.icc.command.dispatch;

import java.time.Duration;

/**
 * Tunable settings of dispatch plans. Infra may provide a bean of this type from its properties; without one,
 * {@link #defaults()} apply.
 *
 * @param instructionTimeout how long an operator platform has to report the final result of an instruction (default 10 min)
 */
public record DispatchSettings(Duration instructionTimeout) {

    public DispatchSettings {
        if (instructionTimeout == null || instructionTimeout.isNegative() || instructionTimeout.isZero()) {
            throw new IllegalArgumentException("dispatch settings need an instruction timeout > 0");
        }
    }

    /** Instruction timeout PT10M. */
    public static DispatchSettings defaults() {
        return new DispatchSettings(Duration.ofMinutes(10));
    }
}
