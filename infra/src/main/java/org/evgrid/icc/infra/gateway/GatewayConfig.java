package org.evgrid.icc.infra.gateway;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.infra.gateway.internal.HttpDelivery;
import org.evgrid.icc.infra.keys.CenterKey;
import org.evgrid.icc.infra.tls.CenterTls;
import org.evgrid.icc.ledger.signing.Crypto;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The exchange gateway: {@code icc.gateway.*}, and the outbox poller with its addresses (configured, else offered by a
 * {@link GatewayEndpoints} bean such as the demo's simulators; the public base URL defaults to this server's port).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfig {

    @Bean
    OutboxPoller outboxPoller(MongoDatabase database, Clock clock, CenterCommands center, GatewayProperties props,
                              ObjectProvider<GatewayEndpoints> fallbacks, Environment env, CenterKey key) {
        Supplier<String> exchange = configuredOr(props.exchangeUrl(), fallbacks, GatewayEndpoints::exchangeUrl);
        Supplier<String> platforms = configuredOr(props.operatorPlatformUrl(), fallbacks, GatewayEndpoints::operatorPlatformUrl);
        Supplier<String> publicBase = () -> !props.publicBaseUrl().isBlank() ? props.publicBaseUrl() : CenterTls.localBaseUrl(env);
        return new OutboxPoller(database, clock, center, props, new OutboxPoller.Targets(exchange, platforms, publicBase),
                centerSignature(key));
    }

    /**
     * Every outbound body carries the center's signature (headers {@code X-ICC-Key-Id}, {@code X-ICC-Signature-Algorithm},
     * {@code X-ICC-Signature}: base64 over the idempotency key, a line feed and the body), verifiable with the center's
     * public key; the exchange and operator platforms can prove what the center sent, as the center can prove what they
     * sent it.
     */
    static HttpDelivery.BodySigner centerSignature(CenterKey key) {
        return (idempotencyKey, body) -> Map.of("X-ICC-Key-Id", key.keyId(), "X-ICC-Signature-Algorithm", key.algorithm().name(),
                "X-ICC-Signature", Base64.getEncoder().encodeToString(Crypto.sign(key.algorithm(), key.privateKey(),
                        HttpDelivery.BodySigner.signingInput(idempotencyKey, body))));
    }

    private static Supplier<String> configuredOr(String configured, ObjectProvider<GatewayEndpoints> fallbacks,
                                                 Function<GatewayEndpoints, String> offered) {
        if (configured != null && !configured.isBlank()) {
            return () -> configured;
        }
        return () -> fallbacks.orderedStream().map(offered).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
