package org.evgrid.icc.command.telemetry.internal;

import java.util.Collection;
import java.util.Map;

/** Where ingestion looks up operators and piles, without loading their aggregates. */
public interface PileDirectory {

    /** The operator and its piles (not registered if unknown); never null. */
    OperatorPiles operator(String operatorId);

    /** The operators of those of the piles that are registered (under any operator), by pile id. */
    Map<String, String> owners(Collection<String> pileIds);
}
