package org.evgrid.icc.ledger.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.SecretSealer;
import org.evgrid.icc.ledger.secrets.SecretBox.Algorithm;
import org.evgrid.icc.ledger.secrets.SecretBox.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final byte[] TOTP = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theEngineIsSm4GivingTheGbT32907ExampleCiphertext() {
        byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmSealsAndOpensWithTheSameContext() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM)));
        String sealed = box.seal(TOTP, "totp:wang");
        assertThat(sealed).startsWith("v1:SM4-GCM:k1:").doesNotContain("JBSWY3DP");
        assertThat(sealed.split(":")).hasSize(5);
        assertThat(Base64.getDecoder().decode(sealed.split(":")[3])).hasSize(12);
        assertThat(Base64.getDecoder().decode(sealed.split(":")[4])).hasSize(TOTP.length + 16);
        assertThat(box.open(sealed, "totp:wang")).isEqualTo(TOTP);
        assertThat(SecretSealer.isSealed(sealed)).isTrue();
        assertThat(box.isCurrent(sealed)).isTrue();
    }

    @Test
    void aes256GcmSealsAndOpens() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey("a1", Algorithm.AES_256_GCM)));
        String sealed = box.seal(TOTP, "totp:li");
        assertThat(sealed).startsWith("v1:AES-256-GCM:a1:");
        assertThat(box.open(sealed, "totp:li")).isEqualTo(TOTP);
    }

    @Test
    void theSameSecretSealsDifferentlyEachTimeWithAFreshNonce() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM)));
        assertThat(box.seal(TOTP, "totp:wang")).isNotEqualTo(box.seal(TOTP, "totp:wang"));
    }

    @Test
    void aValueCopiedToAnotherUserDoesNotOpen() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM)));
        String sealed = box.seal(TOTP, "totp:wang");
        assertThatThrownBy(() -> box.open(sealed, "totp:li")).isInstanceOf(IccException.class)
                .matches(e -> ((IccException) e).code().equals("ICC-SECRET-UNREADABLE"));
    }

    @Test
    void aTamperedValueIsRefused() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM)));
        String sealed = box.seal(TOTP, "totp:wang");
        String[] p = sealed.split(":");
        byte[] body = Base64.getDecoder().decode(p[4]);
        body[0] ^= 1;
        String tampered = String.join(":", p[0], p[1], p[2], p[3], Base64.getEncoder().encodeToString(body));
        assertThatThrownBy(() -> box.open(tampered, "totp:wang")).isInstanceOf(IccException.class)
                .matches(e -> ((IccException) e).code().equals("ICC-SECRET-UNREADABLE"));
        assertThatThrownBy(() -> box.open(sealed.substring(0, sealed.length() - 4), "totp:wang")).isInstanceOf(IccException.class);
        assertThatThrownBy(() -> box.open("v1:AES-256-GCM:k1:" + p[3] + ":" + p[4], "totp:wang")).isInstanceOf(IccException.class);
    }

    @Test
    void aWrongKeyWithTheSameIdIsRefusedNotAnsweredWithGarbage() {
        String sealed = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM))).seal(TOTP, "totp:wang");
        SecretBox other = new SecretBox(List.of(SecretBox.newKey("k1", Algorithm.SM4_GCM)));
        assertThatThrownBy(() -> other.open(sealed, "totp:wang")).isInstanceOf(IccException.class)
                .matches(e -> ((IccException) e).code().equals("ICC-SECRET-UNREADABLE"));
    }

    @Test
    void afterRotationTheOldKeyStillOpensAndTheNewKeySeals() {
        MasterKey old = SecretBox.newKey("k1", Algorithm.SM4_GCM);
        String before = new SecretBox(List.of(old)).seal(TOTP, "totp:wang");
        SecretBox rotated = SecretBox.parse(SecretBox.newKey("k2", Algorithm.AES_256_GCM).line() + "\n" + old.line() + "\n");
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.open(before, "totp:wang")).isEqualTo(TOTP);
        assertThat(rotated.isCurrent(before)).isFalse();
        String after = rotated.seal(TOTP, "totp:wang");
        assertThat(after).startsWith("v1:AES-256-GCM:k2:");
        assertThat(rotated.isCurrent(after)).isTrue();
        assertThatThrownBy(() -> new SecretBox(List.of(old)).open(after, "totp:wang")).isInstanceOf(IccException.class)
                .matches(e -> ((IccException) e).code().equals("ICC-SECRET-KEY-UNKNOWN"));
    }

    @Test
    void aMissingKeyFileIsGeneratedReadableByItsOwnerOnlyAndReadAgainOnRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys").resolve("secrets.keys");
        SecretBox first = SecretBox.fromFile(file, true, Algorithm.SM4_GCM);
        String sealed = first.seal(TOTP, "totp:wang");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretBox.fromFile(file, false, Algorithm.SM4_GCM).open(sealed, "totp:wang")).isEqualTo(TOTP);
        assertThatThrownBy(() -> SecretBox.fromFile(dir.resolve("none.keys"), false, Algorithm.SM4_GCM))
                .isInstanceOf(IccException.class).matches(e -> ((IccException) e).code().equals("ICC-SECRET-KEY-FILE"));
    }

    @Test
    void badKeyLinesAreRefused() {
        assertThatThrownBy(() -> SecretBox.parse("k1:SM4-GCM:" + Base64.getEncoder().encodeToString(new byte[32])))
                .isInstanceOf(IccException.class).matches(e -> ((IccException) e).code().equals("ICC-SECRET-KEY-FILE"));
        assertThatThrownBy(() -> SecretBox.parse("k1:DES:AAAA")).isInstanceOf(IccException.class);
        assertThatThrownBy(() -> SecretBox.parse("# only a comment\n")).isInstanceOf(IccException.class);
    }
}
