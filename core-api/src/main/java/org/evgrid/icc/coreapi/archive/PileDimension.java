package org.evgrid.icc.coreapi.archive;

/**
 * The ways piles are listed and counted: by operator, station, dispatch area, aggregation unit, or region
 * (province, city, district code).
 */
public enum PileDimension {
    OPERATOR,
    STATION,
    DISPATCH_AREA,
    UNIT,
    PROVINCE,
    CITY,
    DISTRICT
}
