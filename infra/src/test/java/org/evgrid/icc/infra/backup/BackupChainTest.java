package org.evgrid.icc.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.backup.internal.BackupLayout;
import org.evgrid.icc.infra.backup.internal.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's digest check and the restore's refusals that come before any store is touched. */
class BackupChainTest {

    @TempDir
    Path root;

    private Path backup(String name, BackupKind kind, String basedOn, String... lines) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Path file = dir.resolve(BackupLayout.EVENTS_FILE);
        try (JsonLines.Writer out = new JsonLines.Writer(file)) {
            for (String l : lines) {
                out.write(l);
            }
        }
        new BackupManifest(name, kind, "2026-11-27T00:00:00Z", basedOn, 0, lines.length - 1, 0, -1,
                List.of(new BackupManifest.FileEntry(BackupLayout.EVENTS_FILE, lines.length, JsonLines.sha256(file)))).write(dir);
        return dir;
    }

    @Test
    void anUntouchedBackupVerifiesAndAChangedOrMissingFileIsReported() throws IOException {
        Path full = backup("20261127T000000Z-FULL", BackupKind.FULL, null, "{\"globalIndex\":0}", "{\"globalIndex\":1}");
        assertThat(BackupManifest.read(full).verify(full)).isEmpty();
        assertThat(JsonLines.count(full.resolve(BackupLayout.EVENTS_FILE))).isEqualTo(2);

        byte[] bytes = Files.readAllBytes(full.resolve(BackupLayout.EVENTS_FILE));
        bytes[bytes.length / 2] ^= 1;
        Files.write(full.resolve(BackupLayout.EVENTS_FILE), bytes);
        assertThat(BackupManifest.read(full).verify(full)).singleElement().asString().contains("SHA-256");

        Files.delete(full.resolve(BackupLayout.EVENTS_FILE));
        assertThat(BackupManifest.read(full).verify(full)).singleElement().asString().contains("missing");
    }

    @Test
    void aRestoreRefusesAChangedBackupAndLeavesTheTargetUntouched() throws IOException {
        Path full = backup("20261127T000000Z-FULL", BackupKind.FULL, null, "{\"globalIndex\":0}");
        Files.writeString(full.resolve(BackupLayout.EVENTS_FILE), "not gzip", StandardCharsets.UTF_8);
        Path target = root.resolve("data");
        assertThatThrownBy(() -> BackupRestore.restore(List.of(full), target, null, "icc"))
                .isInstanceOf(IccException.class).hasMessageContaining("ICC-BACKUP-DAMAGED");
        assertThat(target).doesNotExist();
    }

    @Test
    void aRestoreRefusesANonEmptyTarget() throws IOException {
        Path full = backup("20261127T000000Z-FULL", BackupKind.FULL, null, "{\"globalIndex\":0}");
        Path target = Files.createDirectories(root.resolve("data"));
        Files.writeString(target.resolve("something"), "x");
        assertThatThrownBy(() -> BackupRestore.restore(List.of(full), target, null, "icc"))
                .isInstanceOf(IccException.class).hasMessageContaining("ICC-BACKUP-TARGET-NOT-EMPTY");
    }

    @Test
    void aChainStartsWithAFullBackupAndEachIncrementalFollowsTheOneItIsBasedOn() throws IOException {
        Path full = backup("20261127T000000Z-FULL", BackupKind.FULL, null, "{\"globalIndex\":0}");
        Path inc1 = backup("20261127T010000Z-INCREMENTAL", BackupKind.INCREMENTAL, "20261127T000000Z-FULL", "{\"globalIndex\":1}");
        Path inc2 = backup("20261127T020000Z-INCREMENTAL", BackupKind.INCREMENTAL, "20261127T010000Z-INCREMENTAL", "{\"globalIndex\":2}");
        assertThat(BackupRestore.checkedChain(List.of(full, inc1, inc2))).extracting(BackupManifest::name)
                .containsExactly("20261127T000000Z-FULL", "20261127T010000Z-INCREMENTAL", "20261127T020000Z-INCREMENTAL");
        assertThatThrownBy(() -> BackupRestore.checkedChain(List.of(inc1))).hasMessageContaining("ICC-BACKUP-CHAIN");
        assertThatThrownBy(() -> BackupRestore.checkedChain(List.of(full, inc2))).hasMessageContaining("ICC-BACKUP-CHAIN");
        assertThatThrownBy(() -> BackupRestore.checkedChain(List.of())).hasMessageContaining("ICC-BACKUP-CHAIN");
    }
}
