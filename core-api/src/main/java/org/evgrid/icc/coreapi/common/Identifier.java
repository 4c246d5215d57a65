package org.evgrid.icc.coreapi.common;

/**
 * A single-value identifier. On the wire (JSON) and in logs an identifier is its plain string value;
 * {@link #toString()} must return {@link #value()} so that Axon uses it as the aggregate identifier.
 */
public interface Identifier {

    /** The identifier's string value. */
    String value();
}
