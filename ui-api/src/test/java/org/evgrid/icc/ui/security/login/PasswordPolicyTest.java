package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTest {

    private static IccException refusal(String user, String password) {
        return catchThrowableOfType(IccException.class, () -> PasswordPolicy.check(user, password));
    }

    @ParameterizedTest
    @CsvSource({
        "Ab#1234, ICC-PASSWORD-TOO-SHORT",
        "abcdefgh, ICC-PASSWORD-TOO-SIMPLE",
        "abcdefg1, ICC-PASSWORD-TOO-SIMPLE",
        "ABCDEFG#, ICC-PASSWORD-TOO-SIMPLE",
        "12345678#, ICC-PASSWORD-TOO-SIMPLE",
        "Wang.Fang1, ICC-PASSWORD-IS-USER-ID",
    })
    void aWeakPasswordIsRefusedWithTheRuleItBreaks(String password, String code) {
        IccException e = refusal("wang.fang1", password);

        assertThat(e).as(password).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.field()).isEqualTo("newPassword");
        assertThat(e.messageZh()).isNotBlank();
        assertThat(e.fix()).isNotBlank();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertThat(refusal("u", "Aa1#" + "x".repeat(69)).code()).isEqualTo("ICC-PASSWORD-TOO-LONG");
    }

    @ParameterizedTest
    @CsvSource({"Demo#2026icc", "Audit-Replay-2026!", "Matrix-Test-2026!", "abcdEFGH1234", "密码很长Secret#", "abcd#efg1"})
    void threeOfFourClassesAndEightCharactersPass(String password) {
        assertThatCode(() -> PasswordPolicy.check("someone", password)).doesNotThrowAnyException();
    }

    @Test
    void oneOfTheLastPasswordsIsRefusedAndAnotherPasses() {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        List<String> recent = List.of(encoder.encode("Old#Pass2025"), encoder.encode("Older#Pass2024"));

        IccException e = catchThrowableOfType(IccException.class, () -> PasswordPolicy.checkNotRecent("Older#Pass2024", recent, encoder));
        assertThat(e.code()).isEqualTo("ICC-PASSWORD-REUSED");
        assertThatCode(() -> PasswordPolicy.checkNotRecent("New#Pass2026", recent, encoder)).doesNotThrowAnyException();
    }
}
