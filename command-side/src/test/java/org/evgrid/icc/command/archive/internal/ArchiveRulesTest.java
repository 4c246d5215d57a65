package org.evgrid.icc.command.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;

import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveRulesTest {

    @ParameterizedTest
    @CsvSource({"320000, 320100, 320102", "110000, 110100, 110101", "440000, 440300, 440305"})
    void nestedRegionCodesAreAccepted(String province, String city, String district) {
        Region region = new Region(province, city, district);

        assertThat(ArchiveRules.region(region)).isEqualTo(region);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(nullValues = "null", value = {
        "320100, 320100, 320102, region.provinceCode, province not ending in 0000",
        "32000,  320100, 320102, region.provinceCode, province of five digits",
        "null,   320100, 320102, region.provinceCode, no province",
        "320000, 320101, 320102, region.cityCode,     city not ending in 00",
        "320000, 330100, 330102, region.cityCode,     city of another province",
        "320000, 32010A, 320102, region.cityCode,     city with a letter",
        "320000, 320100, 320202, region.districtCode, district of another city",
        "320000, 320100, 3201021, region.districtCode, district of seven digits",
        "320000, 320100, null,   region.districtCode, no district",
    })
    void regionCodesThatDoNotNestAreRefusedAtTheirField(String province, String city, String district, String field, String scenario) {
        IccException refusal = assertRefused(() -> ArchiveRules.region(new Region(province, city, district)),
                ErrorCategory.INVALID, "ICC-REGION-INVALID");

        assertThat(refusal.field()).isEqualTo(field);
    }

    @Test
    void aMissingRegionIsRefused() {
        assertRefused(() -> ArchiveRules.region(null), ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }

    @Test
    void aMissingLocationIsRefused() {
        assertRefused(() -> ArchiveRules.location(null), ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }
}
