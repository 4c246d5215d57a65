package org.evgrid.icc.command.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T", "91110108551385082Q"})
    void publishedCodesAreValid(String code) {
        assertThat(CreditCode.check(code)).isEqualTo(CreditCode.Fault.NONE);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null,                LENGTH",
        "91350100M000100Y4,   LENGTH",
        "91350100M000100Y433, LENGTH",
        "91350100M000100I43,  CHARACTER",
        "91350100m000100Y43,  CHARACTER",
        "91350100M000100Y44,  CHECK_DIGIT",
        "91350100M000010Y43,  CHECK_DIGIT",
    })
    void faultyCodesNameTheirFault(String code, CreditCode.Fault fault) {
        assertThat(CreditCode.check(code)).isEqualTo(fault);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.of(CreditCode.CHARSET.chars().mapToObj(c -> (char) c).toList())
                .list().ofSize(17).map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property
    void aBodyWithItsCheckCharacterIsValid(@ForAll("bodies") String body) {
        assertThat(CreditCode.isValid(body + CreditCode.checkCharacter(body))).isTrue();
    }

    @Property
    void changingAnyOneCharacterIsDetected(@ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 17) int position,
                                          @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = body + CreditCode.checkCharacter(body);
        char original = code.charAt(position);
        char replaced = CreditCode.CHARSET.charAt((CreditCode.CHARSET.indexOf(original) + shift) % CreditCode.CHARSET.length());
        String typo = code.substring(0, position) + replaced + code.substring(position + 1);

        assertThat(CreditCode.isValid(typo)).isFalse();
    }
}
