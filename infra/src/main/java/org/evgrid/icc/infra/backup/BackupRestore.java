package org.evgrid.icc.infra.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.backup.internal.BackupLayout;
import org.evgrid.icc.infra.backup.internal.EventRows;
import org.evgrid.icc.infra.backup.internal.JsonLines;
import org.evgrid.icc.infra.store.DurableH2Backend;
import org.evgrid.icc.infra.store.H2EventTableFactory;

/**
 * Restores a backup chain (one full backup and the incremental ones built on it, in order) into an EMPTY data directory of
 * the embedded setup: the events into a fresh H2 event store with their global indexes, the ledger, envelopes and the
 * subscribing processors' collections into a fresh embedded MongoDB-protocol store, and (optionally) the key files
 * from a key escrow directory. Starting the center on that directory then rebuilds every other projection by replaying
 * the events (their tracking tokens are absent). Command line:
 * {@code java -jar infra.jar --icc.backup.restore --target=<empty dir> [--keys-from=<dir>] <full> [<incremental> ...]}.
 */
public final class BackupRestore {

    private static final int BATCH = 500;

    private BackupRestore() {
    }

    /** What a restore wrote. */
    public record Restored(long events, long lastGlobalIndex, long ledgerEntries, List<String> backups) {
    }

    /**
     * Restores the chain.
     *
     * @param chain backup directories: a full backup first, then each incremental one built on the one before
     * @param dataDir the center's data directory; must not exist or be empty
     * @param keysFrom a directory whose {@code *.pem} files and master key file {@code secrets.keys} are copied to
     *                 {@code <dataDir>/keys} (the center's key must be the one that signed the ledger's checkpoints; the master
     *                 keys the ones that sealed the stored secrets, docs/operations-secrets.md); null = none
     * @param database the MongoDB database name ({@code icc.store.database})
     * @throws IccException {@code ICC-BACKUP-TARGET-NOT-EMPTY}, {@code ICC-BACKUP-CHAIN}, {@code ICC-BACKUP-DAMAGED}
     */
    public static Restored restore(List<Path> chain, Path dataDir, Path keysFrom, String database) throws IOException {
        requireEmpty(dataDir);
        List<BackupManifest> manifests = checkedChain(chain);
        Files.createDirectories(dataDir);
        if (keysFrom != null) {
            Path keys = Files.createDirectories(dataDir.resolve("keys"));
            try (Stream<Path> s = Files.list(keysFrom)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".pem")
                        || p.getFileName().toString().equals("secrets.keys")).toList()) {
                    Files.copy(p, keys.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        long[] events = restoreEvents(chain, manifests, dataDir.resolve("events"));
        long ledger = restoreMongo(chain, manifests, dataDir.resolve("projections"), database);
        return new Restored(events[0], events[1], ledger, manifests.stream().map(BackupManifest::name).toList());
    }

    private static void requireEmpty(Path dataDir) throws IOException {
        if (Files.exists(dataDir)) {
            boolean empty;
            if (!Files.isDirectory(dataDir)) {
                empty = false;
            } else {
                try (Stream<Path> s = Files.list(dataDir)) {
                    empty = s.findAny().isEmpty();
                }
            }
            if (!empty) {
                throw IccException.conflict("ICC-BACKUP-TARGET-NOT-EMPTY", "target", "恢复目标数据目录不是空的：" + dataDir,
                        "The data directory to restore into is not empty: " + dataDir,
                        "Restore into a new, empty directory (never over a center's live data), then point icc.data-dir at it");
            }
        }
    }

    /** Reads and checks the manifests: digests intact, a full backup first, each incremental one built on its predecessor. */
    public static List<BackupManifest> checkedChain(List<Path> chain) throws IOException {
        if (chain.isEmpty()) {
            throw IccException.invalid("ICC-BACKUP-CHAIN", "backups", "未指定要恢复的备份", "No backup to restore was given",
                    "Name the full backup directory first, then its incremental backups in the order they were taken");
        }
        List<BackupManifest> manifests = new ArrayList<>();
        for (Path dir : chain) {
            BackupManifest m = BackupManifest.read(dir);
            List<String> problems = m.verify(dir);
            if (!problems.isEmpty()) {
                throw IccException.unprocessable("ICC-BACKUP-DAMAGED", "backups", "备份 " + m.name() + " 已损坏或被改动：" + problems,
                        "Backup " + m.name() + " is damaged or was altered: " + problems,
                        "Use an intact copy of this backup (e.g. the off-site copy); a changed file cannot be restored");
            }
            BackupManifest before = manifests.isEmpty() ? null : manifests.get(manifests.size() - 1);
            boolean fits = before == null ? m.kind() == BackupKind.FULL
                    : m.kind() == BackupKind.INCREMENTAL && before.name().equals(m.basedOn());
            if (!fits) {
                throw IccException.unprocessable("ICC-BACKUP-CHAIN", "backups", "备份 " + m.name() + " 不能接在 "
                        + (before == null ? "链首" : before.name()) + " 之后", "Backup " + m.name() + " does not follow "
                        + (before == null ? "the start of the chain (a full backup comes first)" : before.name()),
                        "List the full backup first, then each incremental backup built on the one before it (manifest basedOn)");
            }
            manifests.add(m);
        }
        return manifests;
    }

    private static long[] restoreEvents(List<Path> chain, List<BackupManifest> manifests, Path eventsDir) throws IOException {
        Files.createDirectories(eventsDir);
        String url = "jdbc:h2:file:" + eventsDir.toAbsolutePath().resolve("icc-events") + ";DB_CLOSE_ON_EXIT=FALSE";
        long count = 0;
        long max = -1;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            EventSchema schema = new EventSchema();
            try (PreparedStatement ps = H2EventTableFactory.INSTANCE.createDomainEventTable(c, schema)) {
                ps.execute();
            }
            try (PreparedStatement ps = H2EventTableFactory.INSTANCE.createSnapshotEventTable(c, schema)) {
                ps.execute();
            }
            c.setAutoCommit(false);
            for (int i = 0; i < chain.size(); i++) {
                count += load(c, chain.get(i).resolve(BackupLayout.EVENTS_FILE),
                        EventRows.mergeSql(EventRows.EVENTS, EventRows.EVENT_COLUMNS, "globalIndex"), EventRows.EVENT_COLUMNS);
                max = Math.max(max, manifests.get(i).eventsTo());
            }
            Path snapshots = chain.get(chain.size() - 1).resolve(BackupLayout.SNAPSHOTS_FILE);
            load(c, snapshots, EventRows.mergeSql(EventRows.SNAPSHOTS, EventRows.SNAPSHOT_COLUMNS, "aggregateIdentifier, sequenceNumber"),
                    EventRows.SNAPSHOT_COLUMNS);
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + EventRows.EVENTS + " ALTER COLUMN globalIndex RESTART WITH " + (max + 1));
                c.commit();
                st.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the event store in " + eventsDir + " failed: " + e.getMessage(), e);
        }
        return new long[] {count, max};
    }

    private static long load(Connection c, Path file, String sql, List<String> columns) throws IOException, SQLException {
        long[] n = {0};
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JsonLines.read(file, line -> {
                try {
                    EventRows.bind(ps, columns, line);
                    ps.addBatch();
                    if (++n[0] % BATCH == 0) {
                        ps.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ps.executeBatch();
        }
        c.commit();
        return n[0];
    }

    private static long restoreMongo(List<Path> chain, List<BackupManifest> manifests, Path projectionsDir, String database)
            throws IOException {
        Files.createDirectories(projectionsDir);
        DurableH2Backend backend = DurableH2Backend.open(projectionsDir.resolve("icc-projections.mv.db").toString(), false);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        long ledger = 0;
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD).applicationName("icc-restore").build())) {
            MongoDatabase db = client.getDatabase(database);
            BackupManifest last = manifests.get(manifests.size() - 1);
            for (int i = 0; i < chain.size(); i++) {
                for (BackupManifest.FileEntry f : manifests.get(i).files()) {
                    String collection = BackupLayout.collectionOf(f.name());
                    if (collection == null) {
                        continue;
                    }
                    boolean byPosition = BackupLayout.BY_POSITION.contains(collection);
                    // whole copies and the head: only the newest backup's
                    if (byPosition || manifests.get(i) == last) {
                        long n = upsert(db.getCollection(collection), chain.get(i).resolve(f.name()));
                        if (collection.equals(BackupLayout.LEDGER_ENTRIES)) {
                            ledger += n;
                        }
                    }
                }
            }
        } finally {
            server.shutdownNow();
            backend.compactClosedFile();
        }
        return ledger;
    }

    private static long upsert(MongoCollection<Document> collection, Path file) throws IOException {
        List<WriteModel<Document>> batch = new ArrayList<>();
        long[] n = {0};
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        JsonLines.read(file, line -> {
            Document d = Document.parse(line);
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d, upsert));
            n[0]++;
            if (batch.size() == BATCH) {
                collection.bulkWrite(List.copyOf(batch), new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
        return n[0];
    }

    /**
     * Command line: {@code --target=<empty data dir> [--keys-from=<dir>] [--database=icc] <full backup dir> [<incremental> ...]}.
     */
    public static void main(String[] args) {
        Path target = null;
        Path keys = null;
        String database = "icc";
        List<Path> chain = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--target=")) {
                target = Path.of(a.substring("--target=".length()));
            } else if (a.startsWith("--keys-from=")) {
                keys = Path.of(a.substring("--keys-from=".length()));
            } else if (a.startsWith("--database=")) {
                database = a.substring("--database=".length());
            } else if (!a.startsWith("--")) {
                chain.add(Path.of(a));
            }
        }
        if (target == null) {
            System.err.println("usage: --icc.backup.restore --target=<empty data dir> [--keys-from=<dir>] [--database=icc]"
                    + " <full> [<incr> ...]");
            System.exit(2);
        }
        try {
            Restored r = restore(chain, target, keys, database);
            System.out.println("Restored " + r.backups() + " into " + target + ": " + r.events() + " event rows (last global index "
                    + r.lastGlobalIndex() + "), " + r.ledgerEntries() + " ledger entries. Start the center with --icc.data-dir=" + target);
        } catch (IccException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
