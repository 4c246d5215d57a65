package org.evgrid.icc.coreapi.declaration;

/** The delivery period of a trading product; a period is named by its first day. */
public enum PeriodType {
    /** A calendar month, from its first day. */
    MONTH,
    /** Monday to Sunday. */
    WEEK,
    /** One trading day. */
    DAY
}
