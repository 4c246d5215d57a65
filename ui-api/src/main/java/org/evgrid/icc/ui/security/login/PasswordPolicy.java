package org.evgrid.icc.ui.security.login;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password rules of a console user (MLPS level 3, R-8.2a): at least {@value #MIN_LENGTH} characters (at most
 * {@value #MAX_BYTES} bytes, the bcrypt limit), three of the four classes upper case, lower case, digit, other; not the
 * user id; not one of the user's last five passwords. Each refusal names its rule in a stable code.
 */
public final class PasswordPolicy {

    /** Shortest allowed password. */
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes. */
    public static final int MAX_BYTES = 72;
    /** The field the rules speak of. */
    public static final String FIELD = "newPassword";

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks a rule of its own (length, classes, the user id). */
    public static void check(String userId, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw IccException.invalid("ICC-PASSWORD-TOO-SHORT", FIELD,
                    "密码至少需要 " + MIN_LENGTH + " 个字符", "The password must have at least " + MIN_LENGTH + " characters",
                    "Choose a longer password, e.g. two unrelated words with a digit and a sign");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw IccException.invalid("ICC-PASSWORD-TOO-LONG", FIELD,
                    "密码过长（最多 " + MAX_BYTES + " 字节）", "The password is too long (at most " + MAX_BYTES + " bytes)",
                    "Choose a password of at most 72 bytes (about 70 Latin or 24 Chinese characters)");
        }
        if (classes(password) < 3) {
            throw IccException.invalid("ICC-PASSWORD-TOO-SIMPLE", FIELD,
                    "密码需包含大写字母、小写字母、数字、其他符号中的至少三类",
                    "The password must mix at least three of: upper-case letters, lower-case letters, digits, other signs",
                    "Add characters of the missing kinds, e.g. a digit and a sign such as # or -");
        }
        if (userId != null && password.equalsIgnoreCase(userId)) {
            throw IccException.invalid("ICC-PASSWORD-IS-USER-ID", FIELD,
                    "密码不能与用户名相同", "The password must not be the user name",
                    "Choose a password that has nothing to do with your user name");
        }
    }

    /** Refuses a password equal to one of the given recent password hashes (bcrypt). */
    public static void checkNotRecent(String password, List<String> recentHashes, PasswordEncoder encoder) {
        for (String hash : recentHashes) {
            if (hash != null && encoder.matches(password, hash)) {
                throw IccException.invalid("ICC-PASSWORD-REUSED", FIELD,
                        "新密码不能与最近 5 次使用过的密码相同", "The new password must differ from your last 5 passwords",
                        "Choose a password you have not used before");
            }
        }
    }

    /** How many of the four character classes the password uses. */
    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i = password.offsetByCodePoints(i, 1)) {
            int c = password.codePointAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
