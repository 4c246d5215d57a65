package org.evgrid.icc.infra.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.UuidRepresentation;
import org.evgrid.icc.infra.config.IccProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB side: an in-process MongoDB-protocol server on loopback with a durable H2 file backend (embedded
 * default), reached through the real driver; or a real MongoDB from {@code spring.data.mongodb.uri}.
 */
@Configuration(proxyBeanMethods = false)
public class MongoStoreConfig {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStoreConfig.class);

    /** The running embedded server and its backend, closed together. */
    public record EmbeddedMongo(MongoServer server, DurableH2Backend backend, InetSocketAddress address,
                                ScheduledExecutorService compactor) implements AutoCloseable {

        @Override
        public void close() {
            compactor.shutdownNow();
            long before = backend.fileSize();
            server.shutdownNow();
            backend.compactClosedFile();
            LOG.info("Embedded store closed; compacted its file from {} to {} bytes", before, backend.fileSize());
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "icc.store.embedded-mongo", havingValue = "true", matchIfMissing = true)
    EmbeddedMongo embeddedMongo(IccProperties props) throws IOException {
        Path dir = props.dataDir().resolve("projections");
        Files.createDirectories(dir);
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("icc-projections.mv.db").toString(), props.store().durableWrites());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", props.store().mongoPort());
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded MongoDB-protocol store on {}:{} (file {})", address.getHostString(), address.getPort(), dir);
        // Committing every write leaves many partly filled chunks: dead ones are reused at once (retention 0), live ones
        // are compacted every minute (measured: halves the growth under load), and a clean shutdown rewrites the file
        // with its live data only (docs/adr/0002).
        ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "icc-store-compactor");
            t.setDaemon(true);
            return t;
        });
        compactor.scheduleWithFixedDelay(() -> {
            try {
                backend.compact(2000);
            } catch (RuntimeException e) {
                LOG.warn("Compacting the embedded store failed; will try again", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
        return new EmbeddedMongo(server, backend, address, compactor);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(IccProperties props, org.springframework.beans.factory.ObjectProvider<EmbeddedMongo> embedded,
                            @Value("${spring.data.mongodb.uri:mongodb://localhost:27017}") String uri,
                            org.springframework.beans.factory.ObjectProvider<CommandListener> listeners) {
        EmbeddedMongo em = embedded.getIfAvailable();
        String connection = em != null ? "mongodb://127.0.0.1:" + em.address().getPort() : uri;
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applicationName("icc");
        // e.g. the debug switch's command log (infra diagnosis.MongoCommandLog), silent unless switched on
        listeners.orderedStream().forEach(settings::addCommandListener);
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase iccMongoDatabase(MongoClient client, IccProperties props) {
        return client.getDatabase(props.store().database());
    }
}
