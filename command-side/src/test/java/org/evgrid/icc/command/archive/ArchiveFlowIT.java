package org.evgrid.icc.command.archive;

import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.command.CommandSideAxon;
import org.evgrid.icc.command.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Test support for archive flows: the whole command side on a fresh in-memory event store and a fresh Mongo database per test. */
abstract class ArchiveFlowIT {

    private static EmbeddedMongo mongo;

    protected MongoDatabase database;
    protected CommandSideAxon axon;

    @BeforeAll
    static void startStore() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void startCommandSide() {
        database = mongo.freshDatabase("icc");
        axon = CommandSideAxon.withMongo(database);
    }

    @AfterEach
    void stopCommandSide() {
        axon.close();
    }
}
