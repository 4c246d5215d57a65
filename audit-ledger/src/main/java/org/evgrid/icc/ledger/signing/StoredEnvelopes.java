package org.evgrid.icc.ledger.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * How a verified envelope's signed bytes are kept in {@code command_envelopes}: small ones as text ({@code envelope}),
 * large ones (telemetry batches of thousands of readings) deflated ({@code envelopeZ}, RFC 1951 with zlib header, which
 * JSON text shrinks to about a tenth). Either way the exact signed bytes come back, so signatures and digests verify.
 */
public final class StoredEnvelopes {

    /** Signed inputs longer than this are stored deflated. */
    public static final int DEFLATE_ABOVE = 4096;
    /** The text field. */
    public static final String TEXT = "envelope";
    /** The deflated field. */
    public static final String DEFLATED = "envelopeZ";

    private StoredEnvelopes() {
    }

    /** The update that stores the signed bytes on insert. */
    public static Bson setOnInsert(byte[] signingInput) {
        if (signingInput.length <= DEFLATE_ABOVE) {
            return Updates.setOnInsert(TEXT, new String(signingInput, StandardCharsets.UTF_8));
        }
        return Updates.setOnInsert(DEFLATED, new Binary(deflate(signingInput)));
    }

    /** The signed bytes of a stored envelope document, whichever way they were stored; null if it has none. */
    public static byte[] signedBytes(Document stored) {
        String text = stored.getString(TEXT);
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        Object z = stored.get(DEFLATED);
        if (z instanceof Binary binary) {
            return inflate(binary.getData());
        }
        if (z instanceof byte[] bytes) {
            return inflate(bytes);
        }
        return null;
    }

    /** The signed text of a stored envelope document (UTF-8), or null. */
    public static String signedText(Document stored) {
        byte[] bytes = signedBytes(stored);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] input) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 8);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("stored envelope is truncated or corrupt");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored envelope is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
