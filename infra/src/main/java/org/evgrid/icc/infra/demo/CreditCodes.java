package org.evgrid.icc.infra.demo;

/** GB 32100 unified social credit codes: computes the 18th (check) character for demo data. */
public final class CreditCodes {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** The 17 leading characters followed by their check character. */
    public static String withCheck(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a credit code has 17 characters before its check character: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit-code character (no I, O, S, V, Z)");
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return first17 + CHARSET.charAt(check);
    }
}
