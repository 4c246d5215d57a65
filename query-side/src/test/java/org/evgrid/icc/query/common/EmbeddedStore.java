package org.evgrid.icc.query.common;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/** mongo-java-server on a random local port, reached through the real driver; records the write commands it receives. */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final List<String> writeCommands = Collections.synchronizedList(new ArrayList<>());

    public EmbeddedStore() {
        server = new MongoServer(new MemoryBackend());
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

    public MongoDatabase database() {
        return database;
    }

    /** The write commands received since the last call, as {@code command:collection}. */
    public List<String> takeWriteCommands() {
        synchronized (writeCommands) {
            List<String> taken = new ArrayList<>(writeCommands);
            writeCommands.clear();
            return taken;
        }
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
