package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CryptoTest {

    private static final byte[] DATA = "{\"commandType\":\"RegisterPile\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sm3OfAbcIsTheStandardVector() {
        assertThat(Crypto.hex(Crypto.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfTheSixtyFourByteMessageIsTheStandardVector() {
        byte[] message = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);

        assertThat(Crypto.hex(Crypto.sm3(message))).isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signatureVerifiesAndAFlippedBitFails(SignatureAlgorithm algorithm) {
        KeyPair pair = Crypto.generateKeyPair(algorithm);
        byte[] signature = Crypto.sign(algorithm, pair.getPrivate(), DATA);

        assertThat(Crypto.verify(algorithm, pair.getPublic(), DATA, signature)).isTrue();

        byte[] tamperedData = DATA.clone();
        tamperedData[5] ^= 0x01;
        assertThat(Crypto.verify(algorithm, pair.getPublic(), tamperedData, signature)).isFalse();

        byte[] tamperedSignature = signature.clone();
        tamperedSignature[signature.length - 1] ^= 0x01;
        assertThat(Crypto.verify(algorithm, pair.getPublic(), DATA, tamperedSignature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keysRoundTripThroughPemAndBase64AndTheirAlgorithmIsDetected(SignatureAlgorithm algorithm) {
        KeyPair pair = Crypto.generateKeyPair(algorithm);

        String publicPem = Crypto.toPem(pair.getPublic());
        String privatePem = Crypto.toPem(pair.getPrivate());
        PublicKey fromPem = Crypto.parsePublicKey(publicPem);
        PublicKey fromBase64 = Crypto.parsePublicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        PrivateKey privateKey = Crypto.readPrivateKey(privatePem);

        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(fromPem.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(fromBase64.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Crypto.algorithmOf(fromPem)).isEqualTo(algorithm);
        assertThat(Crypto.algorithmOf(privateKey)).isEqualTo(algorithm);
        assertThat(Crypto.verify(algorithm, fromBase64, DATA, Crypto.sign(algorithm, privateKey, DATA))).isTrue();
    }

    @Test
    void sm2SignaturesAreDerAndUseTheDefaultUserId() throws Exception {
        KeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        byte[] signature = Crypto.sign(SignatureAlgorithm.SM2_SM3, pair.getPrivate(), DATA);

        assertThat(signature[0]).isEqualTo((byte) 0x30);
        Signature explicit = Signature.getInstance("SM3withSM2", Crypto.provider());
        explicit.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
        explicit.initVerify(pair.getPublic());
        explicit.update(DATA);
        assertThat(explicit.verify(signature)).isTrue();

        Signature otherId = Signature.getInstance("SM3withSM2", Crypto.provider());
        otherId.setParameter(new SM2ParameterSpec("ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII)));
        otherId.initVerify(pair.getPublic());
        otherId.update(DATA);
        assertThat(otherId.verify(signature)).isFalse();
    }

    @Test
    void aKeyOfAnotherAlgorithmNeverVerifies() {
        KeyPair sm2 = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        KeyPair p256 = Crypto.generateKeyPair(SignatureAlgorithm.ECDSA_P256);
        byte[] signature = Crypto.sign(SignatureAlgorithm.ECDSA_P256, p256.getPrivate(), DATA);

        assertThat(Crypto.verify(SignatureAlgorithm.ECDSA_P256, sm2.getPublic(), DATA, signature)).isFalse();
        assertThat(Crypto.verify(SignatureAlgorithm.ED25519, p256.getPublic(), DATA, signature)).isFalse();
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3, p256.getPublic(), DATA, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void unsupportedCurveAndGarbageAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.provider());
        generator.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
        String p384 = Crypto.toPem(generator.generateKeyPair().getPublic());

        assertThatThrownBy(() -> Crypto.parsePublicKey(p384)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crypto.parsePublicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crypto.readPrivateKey(Crypto.toPem(Crypto.generateKeyPair(SignatureAlgorithm.ED25519).getPublic())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bcryptHashIsVersion2aCost10AndChecksThePassword() {
        String hash = Crypto.bcrypt("s3cret-密码".toCharArray(), new SecureRandom());

        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(Crypto.bcryptMatches(hash, "s3cret-密码".toCharArray())).isTrue();
        assertThat(Crypto.bcryptMatches(hash, "s3cret-密碼".toCharArray())).isFalse();
        assertThat(Crypto.bcryptMatches("not a hash", "x".toCharArray())).isFalse();
    }

    @Test
    void hexRoundTrips() {
        assertThat(Crypto.fromHex(Crypto.hex(new byte[] {0, 15, -1}))).containsExactly(0, 15, -1);
    }
}
