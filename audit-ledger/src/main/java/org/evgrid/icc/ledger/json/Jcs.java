package org.evgrid.icc.ledger.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.evgrid.icc.coreapi.common.IccException;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of their names, no whitespace,
 * strings escaped as ECMAScript's {@code JSON.stringify} does, numbers printed as ECMAScript's {@code Number::toString}
 * prints an IEEE-754 double.
 *
 * <p>Decimal and big-integer nodes (as read with {@code USE_BIG_DECIMAL_FOR_FLOATS}) must be exactly what their double's
 * canonical form says, so that the signed text determines the value; more precise numbers are refused (send them as
 * strings). Double nodes are canonicalized as they are.
 */
public final class Jcs {

    private Jcs() {
    }

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of a JSON value. */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, "");
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNumber()) {
            out.append(number(node, path));
        } else if (node.isTextual()) {
            writeString(node.textValue(), out, path);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out, path + "[" + i + "]");
            }
            out.append(']');
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(members::add);
            // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 requires.
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> member : members) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String childPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                writeString(member.getKey(), out, childPath);
                out.append(':');
                write(member.getValue(), out, childPath);
            }
            out.append('}');
        } else {
            throw notJson(path);
        }
    }

    private static String number(JsonNode node, String path) {
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw notJson(path);
            }
            return EcmaNumbers.toString(d);
        }
        BigDecimal exact = node.decimalValue();
        double d = exact.doubleValue();
        if (!Double.isFinite(d)) {
            throw tooPrecise(path);
        }
        String canonical = EcmaNumbers.toString(d);
        if (new BigDecimal(canonical).compareTo(exact) != 0) {
            throw tooPrecise(path);
        }
        return canonical;
    }

    private static void writeString(String s, StringBuilder out, String path) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw IccException.invalid("ICC-JSON-UNICODE", path, "文本中含有不成对的代理字符，无法规范化签名",
                                "The text contains an unpaired surrogate character and cannot be canonicalized for signing",
                                "Send valid Unicode text");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static IccException notJson(String path) {
        return IccException.invalid("ICC-JSON-VALUE", path, "该值不是合法的 JSON 值（如非数字或无穷大）",
                "The value is not a valid JSON value (such as not-a-number or infinity)",
                "Send a finite number, text, true, false or null");
    }

    private static IccException tooPrecise(String path) {
        return IccException.invalid("ICC-JSON-NUMBER-PRECISION", path,
                "数值的有效位数超过签名规范可精确表示的范围（约 15–17 位）",
                "The number has more significant digits than signed JSON can carry exactly (about 15-17)",
                "Round the number, or send it as a text value");
    }

    /** ECMAScript {@code Number::toString} for doubles (ECMA-262, 7.1.12.1), the number form RFC 8785 prescribes. */
    static final class EcmaNumbers {

        private EcmaNumbers() {
        }

        static String toString(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not finite: " + value);
            }
            if (value == 0.0) {
                return "0";
            }
            if (value < 0) {
                return "-" + toString(-value);
            }
            BigDecimal shortest = shortest(value);
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale();
            return format(digits, k, n);
        }

        /**
         * The decimal with the fewest significant digits that reads back as {@code value}; among equally short ones, the
         * closest to {@code value} (ties: even last digit).
         */
        private static BigDecimal shortest(double value) {
            BigDecimal exact = new BigDecimal(value);
            for (int precision = 1; precision <= 17; precision++) {
                int scale = precision - 1 - (exact.precision() - exact.scale() - 1);
                BigDecimal down = exact.setScale(scale, RoundingMode.FLOOR);
                BigDecimal up = exact.setScale(scale, RoundingMode.CEILING);
                boolean downOk = readsBack(down, value);
                boolean upOk = readsBack(up, value);
                BigDecimal chosen;
                if (downOk && upOk) {
                    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                    if (cmp < 0) {
                        chosen = down;
                    } else if (cmp > 0) {
                        chosen = up;
                    } else {
                        chosen = down.unscaledValue().testBit(0) ? up : down;
                    }
                } else if (downOk) {
                    chosen = down;
                } else if (upOk) {
                    chosen = up;
                } else {
                    continue;
                }
                BigDecimal stripped = chosen.stripTrailingZeros();
                return stripped.signum() == 0 ? chosen : stripped;
            }
            throw new IllegalStateException("no round-trip representation for " + value);
        }

        private static boolean readsBack(BigDecimal candidate, double value) {
            return candidate.signum() > 0 && Double.parseDouble(candidate.toString()) == value;
        }

        private static String format(String digits, int k, int n) {
            StringBuilder sb = new StringBuilder(k + 8);
            if (k <= n && n <= 21) {
                sb.append(digits);
                for (int i = 0; i < n - k; i++) {
                    sb.append('0');
                }
            } else if (0 < n && n <= 21) {
                sb.append(digits, 0, n).append('.').append(digits, n, k);
            } else if (-6 < n && n <= 0) {
                sb.append("0.");
                for (int i = 0; i < -n; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else {
                int e = n - 1;
                sb.append(digits.charAt(0));
                if (k > 1) {
                    sb.append('.').append(digits, 1, k);
                }
                sb.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
            }
            return sb.toString();
        }
    }
}
