package org.evgrid.icc.query.archive;

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
 * An embedded Mongo-protocol store (mongo-java-server) on a random local port, reached through the real driver. Records
 * the write commands it receives, so tests can check that a batch is written with one command per collection.
 */
final class ArchiveStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final List<String> writeCommands = Collections.synchronizedList(new ArrayList<>());

    ArchiveStore(MongoBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (name.equals("update") || name.equals("insert") || name.equals("delete")) {
                    writeCommands.add(name + ":" + event.getCommand().getString(name).getValue());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener)
                .build());
        database = client.getDatabase("icc");
    }

    static ArchiveStore inMemory() {
        return new ArchiveStore(new MemoryBackend());
    }

    MongoDatabase database() {
        return database;
    }

    /** Drops every collection and forgets the recorded commands. */
    void clear() {
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).drop();
        }
        writeCommands.clear();
    }

    /** The write commands received since the last call, as {@code command:collection}. */
    List<String> takeWriteCommands() {
        synchronized (writeCommands) {
            List<String> taken = new ArrayList<>(writeCommands);
            writeCommands.clear();
            return taken;
        }
    }

    /**
     * Every archive document, by collection and id, with membership arrays sorted (they are sets): equal snapshots mean
     * equal read models.
     */
    Map<String, Map<String, Document>> snapshot() {
        Map<String, Map<String, Document>> all = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            Map<String, Document> docs = new TreeMap<>();
            for (Document doc : database.getCollection(name).find()) {
                Document copy = new Document(doc);
                copy.replaceAll((field, value) -> value instanceof List<?> list ? sorted(list) : value);
                docs.put(String.valueOf(doc.get("_id")), copy);
            }
            all.put(name, docs);
        }
        return all;
    }

    private static List<String> sorted(List<?> list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(String.valueOf(v)));
        Collections.sort(values);
        return values;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
