package org.evgrid.icc.command.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoScheduleStoreIT {

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoScheduleStore store;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        database = mongo.freshDatabase("icc");
        store = new MongoScheduleStore(database);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static ScheduleLayout layout(int version) {
        return ScheduleLayout.of(new DispatchPlanId("DP-1"), version, new AggregationUnitId("AU-1"), LocalDate.of(2026, 12, 1),
                ScheduleLayoutTest.allocation(2345, 20));
    }

    @Test
    void aScheduleIsStoredAsIndexAndChunksWhoseCanonicalTextGivesTheDigest() throws Exception {
        ScheduleLayout layout = layout(1);
        store.write(layout);

        MongoCollection<Document> collection = database.getCollection("dispatch_schedules");
        assertThat(collection.countDocuments()).isEqualTo(1 + 1 + 3);
        Document index = store.find("DP-1|v1");
        assertThat(index.getString("digest")).isEqualTo(layout.digest());
        assertThat(index.getString("unitId")).isEqualTo("AU-1");

        // the digest recomputed from the stored documents alone, as a reader would
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int piles = 0;
        @SuppressWarnings("unchecked")
        List<Document> operators = (List<Document>) index.get("operators");
        for (Document operator : operators) {
            String operatorId = operator.getString("operatorId");
            for (int c = 0; c < operator.getInteger("chunks"); c++) {
                Document chunk = collection.find(Filters.eq("_id", ScheduleLayout.chunkId("DP-1", 1, operatorId, c))).first();
                @SuppressWarnings("unchecked")
                List<String> pileIds = (List<String>) chunk.get("pileIds");
                @SuppressWarnings("unchecked")
                List<Integer> w = (List<Integer>) chunk.get("w");
                assertThat(pileIds).isSorted().hasSizeLessThanOrEqualTo(1000);
                assertThat(w).hasSize(pileIds.size() * 96);
                for (int i = 0; i < pileIds.size(); i++) {
                    StringBuilder line = new StringBuilder(operatorId).append(',').append(pileIds.get(i));
                    for (int k = 0; k < 96; k++) {
                        line.append(',').append(w.get(i * 96 + k));
                    }
                    sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    piles++;
                }
            }
        }
        assertThat(piles).isEqualTo(index.getInteger("piles"));
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(index.getString("digest"));
    }

    @Test
    void writingTheSameVersionAgainReplacesItsDocumentsAndOtherVersionsStay() {
        store.write(layout(1));
        List<Document> first = new ArrayList<>();
        database.getCollection("dispatch_schedules").find().sort(new Document("_id", 1)).into(first);

        store.write(layout(1));
        List<Document> second = new ArrayList<>();
        database.getCollection("dispatch_schedules").find().sort(new Document("_id", 1)).into(second);
        assertThat(second).isEqualTo(first);

        store.write(layout(2));
        assertThat(database.getCollection("dispatch_schedules").countDocuments()).isEqualTo(10);
        assertThat(store.find("DP-1|v1")).isEqualTo(first.stream().filter(d -> "DP-1|v1".equals(d.get("_id"))).findFirst().orElseThrow());
    }
}
