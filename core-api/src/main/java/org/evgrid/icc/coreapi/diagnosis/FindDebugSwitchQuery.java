package org.evgrid.icc.coreapi.diagnosis;

/** The state of the runtime debug switch (answers a {@link DebugSwitchView}). */
public record FindDebugSwitchQuery() {
}
