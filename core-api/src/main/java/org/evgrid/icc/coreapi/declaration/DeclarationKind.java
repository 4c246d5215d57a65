package org.evgrid.icc.coreapi.declaration;

/** What a trading product's declaration holds. */
public enum DeclarationKind {
    /** Energy for the whole period, in kWh (medium/long-term products). */
    ENERGY,
    /** A power curve of 96 quarter-hour points in kW for one trading day (spot products). */
    CURVE
}
