package org.evgrid.icc.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

    private final ObjectMapper plain = new ObjectMapper();

    @Test
    void rfc8785SampleObjectIsCanonicalized() throws IOException {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        byte[] canonical = Jcs.canonicalize(plain.readTree(input));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(expected);
        // RFC 8785 section 3.2.4: the UTF-8 bytes of the result
        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(String.join("",
                "7b226c69746572616c73223a5b6e756c6c2c74727565",
                "2c66616c73655d2c226e756d62657273223a5b333333",
                "3333333333332e333333333333332c31652b33302c34",
                "2e352c302e3030322c31652d32375d2c22737472696e",
                "67223a22e282ac245c75303030665c6e41274",
                "25c225c5c5c5c5c222f227d"));
    }

    @Test
    void objectMembersAreSortedByUtf16CodeUnits() throws IOException {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        String canonical = Jcs.canonicalString(plain.readTree(input));

        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void nestedObjectsAreSortedAndWhitespaceIsRemoved() throws IOException {
        JsonNode node = plain.readTree("{ \"b\" : [ 1 , { \"z\": 1, \"a\": \"x\" } ], \"a\" : { } }");

        assertThat(Jcs.canonicalString(node)).isEqualTo("{\"a\":{},\"b\":[1,{\"a\":\"x\",\"z\":1}]}");
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1e-7, 1e-7",
        "0.000001, 0.000001",
        "333333333.33333329, 333333333.3333333",
        "-0.0, 0",
        "4.5, 4.5",
        "2e-3, 0.002",
        "1E30, 1e+30",
        "123e-20, 1.23e-18",
        "-1.5, -1.5",
        "100, 100",
        "9007199254740993, 9007199254740992",
        "0.1, 0.1",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
    })
    void doublesPrintAsEcmaScriptDoes(double value, String expected) {
        assertThat(Jcs.canonicalString(JsonNodeFactory.instance.numberNode(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785NumberVectorsPrintAsSpecified(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(Jcs.EcmaNumbers.toString(value)).isEqualTo(expected);
    }

    @Test
    void threeThousandDoublesPrintExactlyAsNodeJsPrintsThem() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/es6-numbers.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                assertThat(Jcs.EcmaNumbers.toString(value)).as(parts[0]).isEqualTo(parts[1]);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3000);
    }

    @Test
    void controlCharactersAreEscapedInLowerCaseHexAndOthersAreLiteral() {
        JsonNode node = JsonNodeFactory.instance.textNode("a\u0001\u001f\u007f/\u2028é\t");

        assertThat(Jcs.canonicalString(node)).isEqualTo("\"a\\u0001\\u001f\u007f/\u2028é\\t\"");
    }

    @Test
    void unpairedSurrogateIsRefused() {
        JsonNode node = JsonNodeFactory.instance.objectNode().put("name", "x\ud800y");

        assertThatThrownBy(() -> Jcs.canonicalize(node)).isInstanceOf(IccException.class)
                .extracting(e -> ((IccException) e).code(), e -> ((IccException) e).field())
                .containsExactly("ICC-JSON-UNICODE", "name");
    }

    @Test
    void decimalsReadAsBigDecimalPrintAsTheirDouble() throws IOException {
        JsonNode node = IccJson.newMapper().readTree("{\"p\":[7.50, 0.10, 9007199254740992, 1e21, 1200.000]}");

        assertThat(node.get("p").get(0).isBigDecimal()).isTrue();
        assertThat(Jcs.canonicalString(node)).isEqualTo("{\"p\":[7.5,0.1,9007199254740992,1e+21,1200]}");
    }

    @Test
    void decimalMorePreciseThanADoubleIsRefusedRatherThanSignedRounded() {
        JsonNode node = JsonNodeFactory.instance.objectNode().set("amount",
                JsonNodeFactory.instance.numberNode(new BigDecimal("0.12345678901234567890")));

        assertThatThrownBy(() -> Jcs.canonicalize(node)).isInstanceOf(IccException.class)
                .extracting(e -> ((IccException) e).code(), e -> ((IccException) e).field())
                .containsExactly("ICC-JSON-NUMBER-PRECISION", "amount");
    }

    @Test
    void integerBeyondTwoToThe53IsRefused() throws IOException {
        JsonNode node = IccJson.newMapper().readTree("{\"count\":9007199254740993}");

        assertThatThrownBy(() -> Jcs.canonicalize(node)).isInstanceOf(IccException.class)
                .hasMessageContaining("ICC-JSON-NUMBER-PRECISION");
    }

    @Test
    void notANumberIsRefused() {
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.numberNode(Double.NaN)))
                .isInstanceOf(IccException.class).hasMessageContaining("ICC-JSON-VALUE");
    }
}
