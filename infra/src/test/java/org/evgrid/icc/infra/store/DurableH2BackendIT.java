package org.evgrid.icc.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class DurableH2BackendIT {

    @Test
    void onlyJournaledOrMajorityWritesAskForACommit() {
        assertThat(DurableH2Backend.journaled(new Document("insert", "c").append("writeConcern", new Document("j", true)))).isTrue();
        assertThat(DurableH2Backend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", "majority")))).isTrue();
        assertThat(DurableH2Backend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", 1)))).isFalse();
        assertThat(DurableH2Backend.journaled(new Document("insert", "c"))).isFalse();
    }

    @Test
    void aJournaledWriteThroughTheRealDriverIsCommittedBeforeItIsAcknowledged() throws Exception {
        Path file = Files.createTempDirectory("durable-backend").resolve("store.mv.db");
        DurableH2Backend backend = DurableH2Backend.open(file.toString(), true);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<org.bson.Document> durable = client.getDatabase("t").getCollection("c").withWriteConcern(WriteConcern.JOURNALED);
            long before = backend.fileSize();
            durable.insertOne(new org.bson.Document("_id", 1).append("v", "x".repeat(10_000)));
            assertThat(backend.fileSize()).as("the commit reached the file before the reply").isGreaterThan(before);
        } finally {
            server.shutdownNow();
        }
    }
}
