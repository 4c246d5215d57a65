package org.evgrid.icc.coreapi.common;

import java.util.regex.Pattern;

/** Validation shared by the identifier records. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private Ids() {
    }

    /**
     * Checks an identifier value: 1–64 characters, letters, digits and {@code _ . : -}, starting with a letter or digit.
     *
     * @return the value
     */
    public static String require(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", field,
                    "标识“" + field + "”格式不正确：应为 1–64 位字母、数字或 _ . : -，且以字母或数字开头",
                    "Identifier '" + field + "' is malformed: use 1-64 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as OP-0001");
        }
        return value;
    }
}
