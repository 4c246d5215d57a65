package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One embedded store per test class, emptied before every test. */
abstract class ArchiveTestBase {

    static ArchiveStore store;
    static MongoDatabase db;
    static ProjectionRunner runner;

    @BeforeAll
    static void startStore() {
        store = ArchiveStore.inMemory();
        db = store.database();
        runner = new ProjectionRunner(db);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void emptyStore() {
        store.clear();
    }

    static void apply(EventMessage<?>... events) {
        runner.batch(List.of(events));
    }

    static Document doc(String collection, String id) {
        return db.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    /** The members of a dimension key, all types together, sorted. */
    static List<String> members(PileDimension dimension, String key) {
        List<String> all = new ArrayList<>();
        Memberships.piles(db, dimension, key).values().forEach(all::addAll);
        all.sort(null);
        return all;
    }

    static Map<PileType, List<String>> membersByType(PileDimension dimension, String key) {
        return Memberships.piles(db, dimension, key);
    }

    static IccException refusal(ThrowingCallable call, ErrorCategory category, String code) {
        IccException e = catchThrowableOfType(IccException.class, call);
        assertThat(e).as("a refusal " + code).isNotNull();
        assertThat(e.category()).isEqualTo(category);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.messageZh()).isNotBlank();
        assertThat(e.messageEn()).isNotBlank();
        assertThat(e.fix()).isNotBlank();
        return e;
    }
}
