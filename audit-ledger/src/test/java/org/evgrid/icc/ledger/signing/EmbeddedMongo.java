package org.evgrid.icc.ledger.signing;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The Mongo-protocol test store (in memory) on a random loopback port, reached through the real driver. */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    EmbeddedMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoDatabase database() {
        return client.getDatabase("icc");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
