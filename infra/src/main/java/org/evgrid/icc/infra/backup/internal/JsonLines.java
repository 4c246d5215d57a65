package org.evgrid.icc.infra.backup.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip-compressed JSON Lines files of a backup: one record per line, UTF-8. */
public final class JsonLines {

    private JsonLines() {
    }

    /** A file being written; counts its lines. */
    public static final class Writer implements AutoCloseable {

        private final BufferedWriter out;
        private long records;

        public Writer(Path file) throws IOException {
            OutputStream raw = Files.newOutputStream(file);
            this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(raw, 1 << 16), StandardCharsets.UTF_8));
        }

        /** Appends one record (a single line of JSON without line breaks). */
        public void write(String json) {
            try {
                out.write(json);
                out.write('\n');
                records++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long records() {
            return records;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Hands every line of a file to the consumer, in order. */
    public static void read(Path file, Consumer<String> lines) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.accept(line);
                }
            }
        }
    }

    /** The number of records of a file. */
    public static long count(Path file) throws IOException {
        long[] n = {0};
        read(file, line -> n[0]++);
        return n[0];
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
