package org.evgrid.icc.coreapi.archive;

/** Where something is, as GB/T 2260 codes: 6-digit province, city and district codes (e.g. 320000, 320100, 320102). */
public record Region(
        String provinceCode,
        String cityCode,
        String districtCode) {
}
