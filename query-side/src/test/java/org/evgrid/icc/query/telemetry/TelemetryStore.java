package org.evgrid.icc.query.telemetry;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * An embedded Mongo-protocol store (mongo-java-server) on a random local port, reached through the real driver; records
 * the write and read commands it receives.
 */
final class TelemetryStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    TelemetryStore(MongoBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (name.equals("update") || name.equals("insert") || name.equals("delete") || name.equals("find")) {
                    commands.add(name + ":" + event.getCommand().getString(name).getValue());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener)
                .build());
        database = client.getDatabase("icc");
    }

    static TelemetryStore inMemory() {
        return new TelemetryStore(new MemoryBackend());
    }

    MongoDatabase database() {
        return database;
    }

    void clear() {
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).drop();
        }
        commands.clear();
    }

    /** The commands received since the last call, as {@code command:collection}. */
    List<String> takeCommands() {
        synchronized (commands) {
            List<String> taken = new ArrayList<>(commands);
            commands.clear();
            return taken;
        }
    }

    /** Every document of a collection by id. */
    Map<String, Document> all(String collection) {
        Map<String, Document> docs = new TreeMap<>();
        for (Document doc : database.getCollection(collection).find()) {
            docs.put(String.valueOf(doc.get("_id")), doc);
        }
        return docs;
    }

    /** Replaces a collection's content by the given documents. */
    void restore(String collection, Map<String, Document> docs) {
        database.getCollection(collection).deleteMany(new Document());
        if (!docs.isEmpty()) {
            database.getCollection(collection).insertMany(new ArrayList<>(docs.values()));
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
