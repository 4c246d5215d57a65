package org.evgrid.icc.query.archive.internal;

import java.util.List;

/**
 * Names of the archive read-model collections. Every document is addressed by its {@code _id} only: the embedded store
 * serves nothing else without a full scan (DESIGN §4).
 */
public final class ArchiveCollections {

    /** One document per operator, {@code _id} = operator id. */
    public static final String OPERATORS = "arch_operators";
    /** One document per station, {@code _id} = station id. */
    public static final String STATIONS = "arch_stations";
    /** One document per pile, {@code _id} = pile id. */
    public static final String PILES = "arch_piles";
    /** One document per aggregation unit, {@code _id} = unit id. */
    public static final String UNITS = "arch_units";
    /** Pile membership buckets, {@code _id} = {@code <DIMENSION>|<key>|<bucket>}, one array of pile ids per pile type. */
    public static final String PILE_MEMBERS = "arch_pile_members";
    /** Station membership buckets per operator, {@code _id} = {@code <operatorId>|<bucket>}. */
    public static final String STATION_MEMBERS = "arch_station_members";

    /**
     * The order in which a batch is written: memberships before the documents they are derived from, so that a crash
     * between two bulk writes leaves documents that still describe the memberships to undo on re-delivery.
     */
    public static final List<String> FLUSH_ORDER = List.of(PILE_MEMBERS, STATION_MEMBERS, OPERATORS, STATIONS, UNITS, PILES);

    private ArchiveCollections() {
    }
}
