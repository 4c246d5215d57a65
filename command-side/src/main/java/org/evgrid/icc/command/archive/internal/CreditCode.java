package org.evgrid.icc.command.archive.internal;

/**
 * The unified social credit code of an organisation (GB 32100-2015): 18 characters from
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last one a check character over the first 17.
 */
public final class CreditCode {

    /** The 31 characters of the code, in the order of their values 0–30. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** What is wrong with a code, if anything. */
    public enum Fault {
        NONE, LENGTH, CHARACTER, CHECK_DIGIT
    }

    /** Checks a code. */
    public static Fault check(String code) {
        if (code == null || code.length() != 18) {
            return Fault.LENGTH;
        }
        for (int i = 0; i < code.length(); i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Fault.CHARACTER;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? Fault.NONE : Fault.CHECK_DIGIT;
    }

    /** Whether a code is valid. */
    public static boolean isValid(String code) {
        return check(code) == Fault.NONE;
    }

    /**
     * The check character of the first 17 characters: {@code 31 - (Σ value_i × weight_i mod 31)}, where 31 means 0.
     *
     * @throws IllegalArgumentException if the body is not 17 characters of the code's character set
     */
    public static char checkCharacter(String body) {
        if (body.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the code's set at " + i);
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
