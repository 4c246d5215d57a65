package org.evgrid.icc.infra.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.evgrid.icc.infra.backup.internal.JsonLines;

/**
 * The {@code manifest.json} of one backup directory.
 *
 * @param name the directory name ({@code yyyyMMdd'T'HHmmss'Z'-KIND})
 * @param kind full or incremental
 * @param createdAt when it was taken (the center's clock, ISO-8601)
 * @param basedOn the backup an incremental one builds on (null for a full one)
 * @param eventsFrom first event global index it holds (inclusive; an incremental one overlaps its predecessor a little)
 * @param eventsTo last event global index it holds (inclusive; -1 = the store was empty)
 * @param ledgerFrom first ledger sequence number it holds (inclusive)
 * @param ledgerTo last ledger sequence number it holds (inclusive; -1 = no ledger entry yet)
 * @param files the data files with their record counts and SHA-256 digests
 */
public record BackupManifest(String name, BackupKind kind, String createdAt, String basedOn, long eventsFrom, long eventsTo,
                             long ledgerFrom, long ledgerTo, List<FileEntry> files) {

    /** The manifest's file name inside a backup directory. */
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One data file (gzip JSON Lines).
     *
     * @param name file name inside the backup directory
     * @param records lines (records) in it
     * @param sha256 hex SHA-256 of the file's bytes (as stored, compressed)
     */
    public record FileEntry(String name, long records, String sha256) {
    }

    /** Reads the manifest of a backup directory. */
    public static BackupManifest read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), BackupManifest.class);
    }

    /** Writes this manifest into a backup directory. */
    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    /**
     * Checks every listed file of the backup directory against its digest and record count.
     *
     * @return the problems found, in English (empty = intact)
     */
    public List<String> verify(Path dir) {
        List<String> problems = new ArrayList<>();
        for (FileEntry f : files) {
            Path file = dir.resolve(f.name());
            if (!Files.isRegularFile(file)) {
                problems.add(f.name() + ": missing");
                continue;
            }
            try {
                String digest = JsonLines.sha256(file);
                if (!digest.equals(f.sha256())) {
                    problems.add(f.name() + ": SHA-256 " + digest + " differs from the manifest's " + f.sha256());
                    continue;
                }
                long lines = JsonLines.count(file);
                if (lines != f.records()) {
                    problems.add(f.name() + ": " + lines + " records, the manifest says " + f.records());
                }
            } catch (IOException | RuntimeException e) {
                problems.add(f.name() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return problems;
    }
}
