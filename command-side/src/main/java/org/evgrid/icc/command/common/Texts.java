package org.evgrid.icc.command.common;

import java.util.Optional;

/** Checks of free-text fields (names, reasons): required or optional, with a maximum length in characters. */
public final class Texts {

    private Texts() {
    }

    /**
     * Checks a required text of 1 to {@code max} characters (surrounding blanks do not count).
     *
     * @return the refusal, if the text breaks the rule
     */
    public static Optional<Refusal> checkRequired(String value, String field, String labelZh, String labelEn, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(Refusal.invalid("ICC-FIELD-REQUIRED", field,
                    "“" + labelZh + "”不能为空",
                    capitalized(labelEn) + " is required",
                    "Enter the " + labelEn + " (1-" + max + " characters)"));
        }
        return checkLength(value.strip(), field, labelZh, labelEn, max);
    }

    /** Checks a required text and returns it without surrounding blanks; throws the refusal otherwise. */
    public static String required(String value, String field, String labelZh, String labelEn, int max) {
        checkRequired(value, field, labelZh, labelEn, max).ifPresent(r -> {
            throw r.exception();
        });
        return value.strip();
    }

    /** Checks an optional text of at most {@code max} characters and returns it without surrounding blanks (null if absent). */
    public static String optional(String value, String field, String labelZh, String labelEn, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        checkLength(stripped, field, labelZh, labelEn, max).ifPresent(r -> {
            throw r.exception();
        });
        return stripped;
    }

    /** A required field that is missing (for non-text fields). */
    public static Refusal missing(String field, String labelZh, String labelEn) {
        return Refusal.invalid("ICC-FIELD-REQUIRED", field,
                "“" + labelZh + "”不能为空",
                capitalized(labelEn) + " is required",
                "Give the " + labelEn);
    }

    private static Optional<Refusal> checkLength(String stripped, String field, String labelZh, String labelEn, int max) {
        int length = stripped.codePointCount(0, stripped.length());
        if (length > max) {
            return Optional.of(Refusal.invalid("ICC-FIELD-TOO-LONG", field,
                    "“" + labelZh + "”最多 " + max + " 个字符，现为 " + length + " 个",
                    capitalized(labelEn) + " may have at most " + max + " characters; it has " + length,
                    "Shorten the " + labelEn + " to at most " + max + " characters"));
        }
        return Optional.empty();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
