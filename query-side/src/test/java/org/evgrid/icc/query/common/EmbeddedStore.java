package org.evgrid.icc.query.common;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/** mongo-java-server on a random local port, reached through the real driver. */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    public EmbeddedStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("icc");
    }

    public MongoDatabase database() {
        return database;
    }

    /** Every document of every collection, by collection and id (JSON): equal snapshots mean equal read models. */
    public Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            Map<String, String> docs = new TreeMap<>();
            for (Document doc : database.getCollection(name).find()) {
                docs.put(String.valueOf(doc.get("_id")), doc.toJson());
            }
            all.put(name, docs);
        }
        return all;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
