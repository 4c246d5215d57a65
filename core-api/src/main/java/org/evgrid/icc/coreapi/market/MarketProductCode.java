package org.evgrid.icc.coreapi.market;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * A market product's code, e.g. {@code DAY_AHEAD}: 2–32 capital letters, digits or {@code _}.
 */
public record MarketProductCode(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public MarketProductCode {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "productCode",
                    "标识“productCode”格式不正确：应为 1–32 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'productCode' is malformed: use 1-32 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as DAY_AHEAD");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
