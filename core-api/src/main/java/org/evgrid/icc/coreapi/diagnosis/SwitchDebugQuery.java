package org.evgrid.icc.coreapi.diagnosis;

/**
 * Turns the runtime debug switch on for {@code minutes} or off (answers the {@link DebugSwitchView}). A query, not a
 * command: it changes log levels of this node only, no business state, and is logged at WARN with {@code by}.
 */
public record SwitchDebugQuery(
        boolean enabled,
        int minutes,
        String by) {
}
