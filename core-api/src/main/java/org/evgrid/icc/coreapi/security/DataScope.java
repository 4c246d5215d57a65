package org.evgrid.icc.coreapi.security;

import org.evgrid.icc.coreapi.common.IccException;

/**
 * The part of the data a business user may see and act on.
 *
 * @param level the level of the hierarchy
 * @param code the region code at that level (GB/T 2260 province or city code, or a work-area code); empty for headquarters
 */
public record DataScope(ScopeLevel level, String code) {

    public static final DataScope HEADQUARTERS = new DataScope(ScopeLevel.HEADQUARTERS, "");

    public DataScope {
        if (level == null) {
            throw IccException.invalid("ICC-SCOPE-INVALID", "scope.level", "数据范围级别不能为空", "Data scope level is required",
                    "Use HEADQUARTERS, PROVINCE, CITY or WORK_AREA");
        }
        code = code == null ? "" : code;
        if (level != ScopeLevel.HEADQUARTERS && code.isBlank()) {
            throw IccException.invalid("ICC-SCOPE-INVALID", "scope.code", "非总部数据范围必须给出区域代码",
                    "A data scope below headquarters needs a region code", "Give the province, city or work-area code");
        }
    }

    /**
     * Whether a region lies inside this scope. Region codes are hierarchical prefixes (province 2 digits of a 6-digit
     * GB/T 2260 code, city 4 digits); a work-area code matches its district code exactly.
     */
    public boolean covers(String provinceCode, String cityCode, String districtCode) {
        return switch (level) {
            case HEADQUARTERS -> true;
            case PROVINCE -> code.equals(provinceCode);
            case CITY -> code.equals(cityCode);
            case WORK_AREA -> code.equals(districtCode);
        };
    }
}
