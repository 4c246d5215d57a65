package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.unitCreated;

import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.junit.jupiter.api.Test;

class AggregationUnitProjectionTest extends ArchiveTestBase {

    @Test
    void aCreatedUnitIsStoredOnceEvenWhenTheEventIsDeliveredAgain() {
        apply(unitCreated("U-1", "DA-NJ", "320000", at(1)));
        Map<String, Map<String, Document>> once = store.snapshot();

        apply(unitCreated("U-1", "DA-NJ", "320000", at(1)));

        Document unit = doc(ArchiveCollections.UNITS, "U-1");
        assertThat(unit.getString("name")).isEqualTo("聚合单元 U-1");
        assertThat(unit.getString("dispatchAreaId")).isEqualTo("DA-NJ");
        assertThat(unit.getString("provinceCode")).isEqualTo("320000");
        assertThat(unit.getDate("createdAt")).isEqualTo(Date.from(at(1)));
        assertThat(store.snapshot()).isEqualTo(once);
    }
}
