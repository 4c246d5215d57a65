package org.evgrid.icc.ui.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;

/**
 * Checks of the query parameters the read endpoints share (date ranges, paging, product codes), done before any query
 * is asked. Each refusal is a 400 problem naming the parameter, in Chinese and English, with how to correct it.
 */
public final class ReadParams {

    /** The longest date range a listing accepts, in days (both ends included). */
    public static final int MAX_RANGE_DAYS = 366;
    /** The highest page number. */
    public static final int MAX_PAGE = 100_000;
    /** The largest page size. */
    public static final int MAX_SIZE = 500;
    /** The highest plan version. */
    public static final int MAX_VERSION = 100_000;

    private static final Pattern PRODUCT = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private ReadParams() {
    }

    /** A required range of days: from ≤ to and at most {@value #MAX_RANGE_DAYS} days. */
    public static void range(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw IccException.invalid("ICC-REQ-RANGE-ORDER", "from", "开始日期 " + from + " 晚于结束日期 " + to,
                    "The start date " + from + " is after the end date " + to,
                    "Give from on or before to (yyyy-MM-dd, both days included)");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw IccException.invalid("ICC-REQ-RANGE-TOO-LONG", "to", "查询区间为 " + days + " 天，最多 " + MAX_RANGE_DAYS + " 天",
                    "The range spans " + days + " days; at most " + MAX_RANGE_DAYS + " are allowed",
                    "Narrow the range to at most " + MAX_RANGE_DAYS + " days (from and to both included)");
        }
    }

    /** An optional range: checked as {@link #range} when both ends are given; one end alone is open. */
    public static void optionalRange(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            range(from, to);
        }
    }

    /** A page number, 0–{@value #MAX_PAGE}. */
    public static int page(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw IccException.invalid("ICC-REQ-PAGE-INVALID", "page", "页码 " + page + " 超出范围：应为 0–" + MAX_PAGE,
                    "Page " + page + " is out of range: use 0-" + MAX_PAGE, "Give page from 0 (the first page) to " + MAX_PAGE);
        }
        return page;
    }

    /** A page size, 1–{@value #MAX_SIZE}. */
    public static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw IccException.invalid("ICC-REQ-SIZE-INVALID", "size", "每页条数 " + size + " 超出范围：应为 1–" + MAX_SIZE,
                    "Page size " + size + " is out of range: use 1-" + MAX_SIZE, "Give size from 1 to " + MAX_SIZE);
        }
        return size;
    }

    /** A plan version: 0 (the current one) to {@value #MAX_VERSION}. */
    public static int version(int version) {
        if (version < 0 || version > MAX_VERSION) {
            throw IccException.invalid("ICC-REQ-VERSION-INVALID", "version", "计划版本 " + version + " 超出范围：应为 0（当前版本）至 " + MAX_VERSION,
                    "Plan version " + version + " is out of range: use 0 (the current version) to " + MAX_VERSION,
                    "Give version 0 for the current version, or the number of an earlier version (1, 2, ...)");
        }
        return version;
    }

    /** A market product code (e.g. DAY_AHEAD), or null when left out. */
    public static String product(String product) {
        if (product != null && !PRODUCT.matcher(product).matches()) {
            throw IccException.invalid("ICC-REQ-PRODUCT-INVALID", "product", "交易品种代码“" + product + "”格式不正确：应为 2–32 位大写字母、数字或下划线",
                    "Product code '" + product + "' is malformed: use 2-32 capital letters, digits or _",
                    "Give a product code such as DAY_AHEAD, MLT_MONTHLY or MLT_WEEKLY (GET /api/v1/market/products lists them)");
        }
        return product;
    }

    /** A module name of the alarms (e.g. dispatch), or null when left out. */
    public static String module(String module) {
        if (module != null && !MODULE.matcher(module).matches()) {
            throw IccException.invalid("ICC-REQ-MODULE-INVALID", "module", "模块名“" + module + "”格式不正确：应为 1–64 位字母、数字或 _ . : -",
                    "Module name '" + module + "' is malformed: use 1-64 letters, digits or _ . : -",
                    "Give the module as shown in the alarm records (field module), or leave it out for all modules");
        }
        return module;
    }

    /** An optional identifier: null when left out, else built by the identifier record (which refuses a malformed value). */
    public static <T> T optionalId(String value, Function<String, T> constructor) {
        return value == null ? null : constructor.apply(value);
    }
}
