package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class StoredEnvelopesTest {

    private static Document stored(byte[] signed) {
        BsonDocument set = StoredEnvelopes.setOnInsert(signed).toBsonDocument().getDocument("$setOnInsert");
        return new DocumentCodec().decode(new BsonDocumentReader(set), DecoderContext.builder().build());
    }

    @Test
    void aSmallEnvelopeIsKeptAsReadableText() {
        byte[] signed = "{\"commandType\":\"RegisterPile\"}".getBytes(StandardCharsets.UTF_8);
        Document doc = stored(signed);
        assertThat(doc.getString(StoredEnvelopes.TEXT)).isEqualTo("{\"commandType\":\"RegisterPile\"}");
        assertThat(StoredEnvelopes.signedBytes(doc)).isEqualTo(signed);
    }

    @Test
    void aLargeEnvelopeIsDeflatedAndComesBackByteForByte() {
        StringBuilder json = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < 5000; i++) {
            json.append("{\"pileId\":\"P-JS-").append(i).append("\",\"avgKw\":").append(i % 60).append(".125,\"status\":\"CHARGING\"},");
        }
        byte[] signed = json.append("{}]}").toString().getBytes(StandardCharsets.UTF_8);
        Document doc = stored(signed);
        assertThat(doc.get(StoredEnvelopes.TEXT)).isNull();
        byte[] z = doc.get(StoredEnvelopes.DEFLATED, Binary.class).getData();
        assertThat(z.length).as("JSON readings deflate to a fraction").isLessThan(signed.length / 5);
        assertThat(StoredEnvelopes.signedBytes(doc)).isEqualTo(signed);
        assertThat(StoredEnvelopes.signedText(doc)).isEqualTo(new String(signed, StandardCharsets.UTF_8));
    }

    @Test
    void aCorruptDeflatedEnvelopeIsReportedNotMisread() {
        byte[] signed = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] z = StoredEnvelopes.deflate(signed);
        Document doc = new Document(StoredEnvelopes.DEFLATED, new Binary(Arrays.copyOf(z, z.length / 2)));
        assertThatThrownBy(() -> StoredEnvelopes.signedBytes(doc)).isInstanceOf(IllegalStateException.class);
    }
}
