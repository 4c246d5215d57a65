package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

/** WGS-84 coordinates in decimal degrees. */
public record GeoPoint(
        BigDecimal latitude,
        BigDecimal longitude) {
}
