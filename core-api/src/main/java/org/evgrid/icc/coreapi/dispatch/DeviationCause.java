package org.evgrid.icc.coreapi.dispatch;

/** The catalogue of deviation causes. */
public enum DeviationCause {
    /** Telemetry missing. */
    MISSING_TELEMETRY,
    /** An operator platform did not answer. */
    OPERATOR_NOT_RESPONDING,
    /** An operator platform rejected the instruction. */
    INSTRUCTION_REJECTED,
    /** Users charged differently from the forecast. */
    USER_BEHAVIOUR,
    /** The forecast was wrong. */
    FORECAST_ERROR,
    /** Piles or communications failed. */
    EQUIPMENT_FAULT,
    /** A grid constraint limited the load. */
    GRID_CONSTRAINT,
    /** Another cause (explain in the detail). */
    OTHER
}
