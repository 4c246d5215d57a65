package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130",
    })
    void theSha1TestVectorsOfRfc6238(long unixSeconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8)).isEqualTo(expected);
    }

    @Test
    void theHotpTestVectorsOfRfc4226InSixDigits() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_SECRET, counter, 6)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.decode(Totp.encode(RFC_SECRET))).isEqualTo(RFC_SECRET);
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
        String secret = Totp.encode(RFC_SECRET);
        Instant now = Instant.parse("2026-03-01T08:00:15Z");

        assertThat(Totp.verify(secret, Totp.codeAt(secret, now), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now.plusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(60)), now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
        assertThat(Totp.verify(secret, "12a456", now)).isFalse();
    }

    @Test
    void theOtpauthUriNamesIssuerAccountAndParameters() {
        assertThat(Totp.uri("EV-grid ICC", "wang.fang", "MZXW6YTBOI"))
                .isEqualTo("otpauth://totp/EV-grid%20ICC:wang.fang?secret=MZXW6YTBOI&issuer=EV-grid%20ICC&algorithm=SHA1&digits=6&period=30");
    }
}
