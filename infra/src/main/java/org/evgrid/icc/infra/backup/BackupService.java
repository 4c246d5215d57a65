package org.evgrid.icc.infra.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.backup.internal.BackupLayout;
import org.evgrid.icc.infra.backup.internal.EventRows;
import org.evgrid.icc.infra.backup.internal.JsonLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes backups (R-8.2c, R-11): the events of the JDBC event store as they are stored, the ledger (hash chain, Merkle
 * nodes, signed checkpoints), the signed command envelopes, the claim-check data the command side stores beside its events
 * (telemetry readings, dispatch schedules) and the collections of subscribing processors, as gzip JSON
 * Lines files with a {@code manifest.json} under {@code icc.backup.dir}. One backup at a time. Restore: {@link BackupRestore}.
 */
@Component
public class BackupService {

    /** An incremental backup re-reads this many events before its predecessor's last one (commits that filled gaps late). */
    public static final long EVENT_OVERLAP = 1000;
    /** An incremental backup re-reads envelopes and readings received this long before its predecessor was taken. */
    public static final Duration ENVELOPE_OVERLAP = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final JdbcTemplate jdbc;
    private final MongoDatabase mongo;
    private final Clock clock;
    private final Path dir;
    private final ReentrantLock running = new ReentrantLock();

    public BackupService(JdbcTemplate jdbc, MongoDatabase mongo, Clock clock, @Value("${icc.backup.dir:./backups}") Path dir) {
        this.jdbc = jdbc;
        this.mongo = mongo;
        this.clock = clock;
        this.dir = dir;
    }

    /** Where backups are written. */
    public Path directory() {
        return dir;
    }

    /** One backup as listed, with the result of checking its files against its manifest. */
    public record Listed(BackupManifest manifest, boolean intact, List<String> problems) {
    }

    /**
     * Takes a backup now.
     *
     * @throws IccException {@code ICC-BACKUP-BUSY} while another backup runs; {@code ICC-BACKUP-NO-FULL} for an
     *                      incremental backup with no intact backup to build on
     */
    public BackupManifest backup(BackupKind kind) {
        if (!running.tryLock()) {
            throw IccException.conflict("ICC-BACKUP-BUSY", "kind", "另一个备份正在进行", "Another backup is running",
                    "Wait until it has finished (GET /api/v1/backups lists it when done), then try again");
        }
        try {
            return take(kind);
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + dir + " failed", e);
        } finally {
            running.unlock();
        }
    }

    /** Every backup under the directory, oldest first, each checked against its manifest's digests. */
    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        for (Path d : backupDirs()) {
            try {
                BackupManifest m = BackupManifest.read(d);
                List<String> problems = m.verify(d);
                out.add(new Listed(m, problems.isEmpty(), problems));
            } catch (IOException | RuntimeException e) {
                out.add(new Listed(new BackupManifest(d.getFileName().toString(), null, null, null, -1, -1, -1, -1, List.of()), false,
                        List.of("manifest.json unreadable: " + e.getMessage())));
            }
        }
        return out;
    }

    private List<Path> backupDirs() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".partial") && Files.isRegularFile(p.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BackupManifest take(BackupKind kind) throws IOException {
        BackupManifest previous = null;
        if (kind == BackupKind.INCREMENTAL) {
            List<Listed> intact = list().stream().filter(Listed::intact).toList();
            if (intact.isEmpty()) {
                throw IccException.unprocessable("ICC-BACKUP-NO-FULL", "kind", "没有可作为基础的完整备份",
                        "There is no intact backup for an incremental backup to build on", "Take a full backup first (kind=FULL)");
            }
            previous = intact.get(intact.size() - 1).manifest();
        }
        Instant now = clock.instant();
        String name = NAME.format(now) + "-" + kind;
        for (int i = 2; Files.exists(dir.resolve(name)); i++) {
            name = NAME.format(now) + "-" + kind + "-" + i;
        }
        Path target = dir.resolve(name);
        Path work = dir.resolve(name + ".partial");
        Files.createDirectories(work);
        List<BackupManifest.FileEntry> files = new ArrayList<>();

        // 0. What is in flight, read first: the events (read last) hold every event these refer to, so the restored
        //    sagas and the outbox go on from their tokens. (A deadline scheduled between this read and the event read
        //    is not in the backup; its command's event is: see docs/operations-backup.md.)
        files.add(collection(work, BackupLayout.TOKENS, Filters.in("processorName", BackupLayout.SIDE_EFFECT_PROCESSORS), d -> true));
        for (String c : BackupLayout.IN_FLIGHT) {
            files.add(collection(work, c, null, d -> true));
        }

        // 1. The ledger up to its head as read now: every entry it holds refers to an event stored already.
        Document head = mongo.getCollection(BackupLayout.LEDGER_HEAD).find().first();
        long ledgerTo = head == null ? -1 : ((Number) head.get("seq")).longValue();
        long ledgerFrom = previous == null ? 0 : previous.ledgerTo() + 1;
        Bson seqRange = Filters.and(Filters.gte("_id", ledgerFrom), Filters.lte("_id", ledgerTo));
        files.add(collection(work, BackupLayout.LEDGER_ENTRIES, seqRange, d -> true));
        files.add(collection(work, BackupLayout.LEDGER_CHECKPOINTS, seqRange, d -> true));
        files.add(collection(work, BackupLayout.LEDGER_EVENT_INDEX,
                Filters.and(Filters.gte("seq", ledgerFrom), Filters.lte("seq", ledgerTo)),
                d -> true));
        long sizeBefore = ledgerFrom;
        long size = ledgerTo + 1;
        files.add(collection(work, BackupLayout.LEDGER_MERKLE_NODES, null, d -> {
            String[] parts = d.getString("_id").split("\\|");
            long end = (Long.parseLong(parts[1]) + 1) << Integer.parseInt(parts[0]);
            return end <= size && end > sizeBefore;
        }));
        files.add(collection(work, BackupLayout.LEDGER_HEAD, null, d -> true));

        // 2. Subscribing processors' collections and dispatch schedules (whole copies), envelopes and readings (by receipt).
        for (String c : BackupLayout.WHOLE_COPY) {
            files.add(collection(work, c, null, d -> true));
        }
        Bson received = previous == null ? null
                : Filters.gte("receivedAt", Date.from(Instant.parse(previous.createdAt()).minus(ENVELOPE_OVERLAP)));
        for (String c : BackupLayout.BY_RECEIPT) {
            files.add(collection(work, c, received, d -> true));
        }

        // 3. Events up to the newest stored now (read last: everything above refers to events at or below it).
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM " + EventRows.EVENTS, Long.class);
        long eventsTo = max == null ? -1 : max;
        long eventsFrom = previous == null ? 0 : Math.max(0, previous.eventsTo() + 1 - EVENT_OVERLAP);
        files.add(table(work, BackupLayout.EVENTS_FILE, "SELECT " + String.join(", ", EventRows.EVENT_COLUMNS) + " FROM " + EventRows.EVENTS
                + " WHERE globalIndex >= ? AND globalIndex <= ? ORDER BY globalIndex", EventRows.EVENT_COLUMNS, eventsFrom, eventsTo));
        files.add(table(work, BackupLayout.SNAPSHOTS_FILE, "SELECT " + String.join(", ", EventRows.SNAPSHOT_COLUMNS) + " FROM "
                + EventRows.SNAPSHOTS + " ORDER BY aggregateIdentifier, sequenceNumber", EventRows.SNAPSHOT_COLUMNS));

        BackupManifest manifest = new BackupManifest(name, kind, now.toString(), previous == null ? null : previous.name(),
                eventsFrom, eventsTo,
                ledgerFrom, ledgerTo, files);
        manifest.write(work);
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Backup {} taken: events {}..{}, ledger {}..{}, {} files", name, eventsFrom, eventsTo, ledgerFrom, ledgerTo, files.size());
        return manifest;
    }

    private BackupManifest.FileEntry collection(Path work, String collection, Bson filter,
                                                java.util.function.Predicate<Document> keep) throws IOException {
        String file = BackupLayout.mongoFile(collection);
        Path path = work.resolve(file);
        long records;
        try (JsonLines.Writer out = new JsonLines.Writer(path)) {
            for (Document d : (filter == null ? mongo.getCollection(collection).find() : mongo.getCollection(collection).find(filter))
                    .sort(Sorts.ascending("_id"))) {
                if (keep.test(d)) {
                    out.write(d.toJson(EXTENDED));
                }
            }
            records = out.records();
        }
        return new BackupManifest.FileEntry(file, records, JsonLines.sha256(path));
    }

    private BackupManifest.FileEntry table(Path work, String file, String sql, List<String> columns, Object... args) throws IOException {
        Path path = work.resolve(file);
        long records;
        try (JsonLines.Writer out = new JsonLines.Writer(path)) {
            jdbc.query(con -> {
                var ps = con.prepareStatement(sql);
                ps.setFetchSize(500);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps;
            }, rs -> {
                out.write(EventRows.toJson(rs, columns));
            });
            records = out.records();
        }
        return new BackupManifest.FileEntry(file, records, JsonLines.sha256(path));
    }
}
