package org.evgrid.icc.command.archive.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.Region;

/** Field rules of operator, station and aggregation-unit archives. Each check throws the refusal of the first broken rule. */
public final class ArchiveRules {

    /** Longest operator, station or unit name. */
    public static final int MAX_NAME = 100;
    /** Longest reason (suspension, decommissioning, …). */
    public static final int MAX_REASON = 200;

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9-]{7,20}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final BigDecimal NINETY = BigDecimal.valueOf(90);
    private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

    private ArchiveRules() {
    }

    /** A required reason-free text such as a name. */
    public static String name(String value, String field, String labelZh, String labelEn) {
        return Texts.required(value, field, labelZh, labelEn, MAX_NAME);
    }

    /** An optional reason of up to 200 characters. */
    public static String reason(String value) {
        return Texts.optional(value, "reason", "原因", "reason", MAX_REASON);
    }

    /** The unified social credit code of an operator (GB 32100). */
    public static String creditCode(String code) {
        CreditCode.Fault fault = CreditCode.check(code);
        String fix = "Copy the 18-character unified social credit code from the business licence, in capital letters";
        return switch (fault) {
            case NONE -> code;
            case LENGTH -> throw Refusal.invalid("ICC-OPERATOR-CREDIT-CODE-INVALID", "creditCode",
                    "统一社会信用代码应为 18 位", "The unified social credit code must have 18 characters", fix).exception();
            case CHARACTER -> throw Refusal.invalid("ICC-OPERATOR-CREDIT-CODE-INVALID", "creditCode",
                    "统一社会信用代码只能由数字和大写字母组成（不含 I、O、S、V、Z）",
                    "The unified social credit code may contain only digits and capital letters other than I, O, S, V and Z", fix)
                    .exception();
            case CHECK_DIGIT -> throw Refusal.invalid("ICC-OPERATOR-CREDIT-CODE-INVALID", "creditCode",
                    "统一社会信用代码校验位不正确，请检查是否有输错的字符",
                    "The check character of the unified social credit code does not match; a character was probably mistyped", fix)
                    .exception();
            default -> throw new IllegalStateException("unknown fault " + fault);
        };
    }

    /** The operator's contact: a name, a phone number, and optionally an e-mail address. */
    public static Contact contact(Contact contact) {
        if (contact == null) {
            throw Texts.missing("contact", "联系人", "contact").exception();
        }
        String name = Texts.required(contact.name(), "contact.name", "联系人姓名", "contact name", 50);
        String phone = contact.phone() == null ? "" : contact.phone().strip();
        if (!PHONE.matcher(phone).matches()) {
            throw Refusal.invalid("ICC-OPERATOR-PHONE-INVALID", "contact.phone",
                    "联系电话格式不正确：应为 7–20 位数字，可含连字符，可以 + 开头",
                    "The contact phone number is malformed: 7-20 digits or hyphens, optionally starting with +",
                    "Enter a number such as 025-83456789 or +8613812345678").exception();
        }
        String email = Texts.optional(contact.email(), "contact.email", "电子邮箱", "e-mail address", 100);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Refusal.invalid("ICC-OPERATOR-EMAIL-INVALID", "contact.email",
                    "电子邮箱格式不正确", "The e-mail address is malformed",
                    "Enter an address such as name@example.com, or leave it empty").exception();
        }
        return new Contact(name, phone, email);
    }

    /** The operator's contract share ratio: 0 to 1 with at most 4 decimals. */
    public static BigDecimal shareRatio(BigDecimal ratio) {
        if (ratio == null) {
            throw Texts.missing("shareRatio", "分成比例", "share ratio").exception();
        }
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 || ratio.stripTrailingZeros().scale() > 4) {
            throw Refusal.invalid("ICC-OPERATOR-SHARE-RATIO-INVALID", "shareRatio",
                    "分成比例应在 0 到 1 之间，最多 4 位小数，现为 " + ratio.toPlainString(),
                    "The share ratio must lie between 0 and 1 with at most 4 decimals; it is " + ratio.toPlainString(),
                    "Enter a ratio such as 0.35 for 35 %").exception();
        }
        return ratio;
    }

    /** A GB/T 2260 province code: 6 digits ending in 0000. */
    public static String provinceCode(String code, String field) {
        if (code == null || !SIX_DIGITS.matcher(code).matches() || !code.endsWith("0000")) {
            throw regionRefusal(field, "省级行政区划代码应为 6 位数字且以 0000 结尾（如 320000）",
                    "A province code has 6 digits ending in 0000 (e.g. 320000)");
        }
        return code;
    }

    /** A station's region: province, city and district codes that nest (city within province, district within city). */
    public static Region region(Region region) {
        if (region == null) {
            throw Texts.missing("region", "所在区域", "region").exception();
        }
        String province = provinceCode(region.provinceCode(), "region.provinceCode");
        String city = region.cityCode();
        if (city == null || !SIX_DIGITS.matcher(city).matches() || !city.endsWith("00")) {
            throw regionRefusal("region.cityCode", "地市级行政区划代码应为 6 位数字且以 00 结尾（如 320100）",
                    "A city code has 6 digits ending in 00 (e.g. 320100)");
        }
        if (!city.startsWith(province.substring(0, 2))) {
            throw regionRefusal("region.cityCode", "地市 " + city + " 不属于省份 " + province,
                    "City " + city + " does not lie in province " + province);
        }
        String district = region.districtCode();
        if (district == null || !SIX_DIGITS.matcher(district).matches()) {
            throw regionRefusal("region.districtCode", "区县级行政区划代码应为 6 位数字（如 320102）",
                    "A district code has 6 digits (e.g. 320102)");
        }
        if (!district.startsWith(city.substring(0, 4))) {
            throw regionRefusal("region.districtCode", "区县 " + district + " 不属于地市 " + city,
                    "District " + district + " does not lie in city " + city);
        }
        return region;
    }

    /** WGS-84 coordinates: latitude −90 to 90, longitude −180 to 180. */
    public static GeoPoint location(GeoPoint location) {
        if (location == null) {
            throw Texts.missing("location", "经纬度", "location").exception();
        }
        if (location.latitude() == null || location.latitude().abs().compareTo(NINETY) > 0) {
            throw Refusal.invalid("ICC-LOCATION-INVALID", "location.latitude",
                    "纬度应在 -90 到 90 之间", "The latitude must lie between -90 and 90",
                    "Enter WGS-84 decimal degrees, e.g. 32.0603").exception();
        }
        if (location.longitude() == null || location.longitude().abs().compareTo(ONE_EIGHTY) > 0) {
            throw Refusal.invalid("ICC-LOCATION-INVALID", "location.longitude",
                    "经度应在 -180 到 180 之间", "The longitude must lie between -180 and 180",
                    "Enter WGS-84 decimal degrees, e.g. 118.7969").exception();
        }
        return location;
    }

    private static RuntimeException regionRefusal(String field, String zh, String en) {
        return Refusal.invalid("ICC-REGION-INVALID", field, zh, en,
                "Use the GB/T 2260 administrative division codes of the province, city and district").exception();
    }
}
