package org.evgrid.icc.coreapi.dr;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a demand response event, given by the dispatch center.
 */
public record DrEventId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public DrEventId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "eventId",
                    "标识“eventId”格式不正确：应为 1–64 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'eventId' is malformed: use 1-64 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as DRE-20261201-01");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
