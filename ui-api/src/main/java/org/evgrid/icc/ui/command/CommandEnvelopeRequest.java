package org.evgrid.icc.ui.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/**
 * A signed command as it arrives over HTTP. The signature covers the RFC 8785 canonical JSON of this object without
 * its {@code signature} member.
 */
@Schema(description = "A signed command envelope. The signature covers the RFC 8785 (JCS) canonical form of this object "
        + "without the `signature` member. See the command schemas `Command.<commandType>` for each payload.")
public record CommandEnvelopeRequest(
        @Schema(description = "Wire name of the command, e.g. RegisterPile", example = "RegisterOperator")
        @NotBlank @Size(max = 64) String commandType,
        @Schema(description = "The command's fields (see the schema of the command type)", type = "object")
        @NotNull JsonNode payload,
        @Schema(description = "Id of the registered signing key", example = "key-archivist-1")
        @NotBlank @Size(max = 64) String keyId,
        @Schema(description = "Signature algorithm; must be the registered key's algorithm")
        @NotNull SignatureAlgorithm algorithm,
        @Schema(description = "When the command was signed, ISO-8601 instant; must be within ±5 minutes of the center's clock",
                example = "2026-11-26T08:00:00Z")
        @NotBlank @Size(max = 40) String timestamp,
        @Schema(description = "A value never used before by this key: 16–64 letters, digits, - or _", example = "n-5f2c9a1e7b3d4c60")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{16,64}") String nonce,
        @Schema(description = "Base64 of the signature (DER for SM2 and ECDSA, 64 bytes for Ed25519)")
        @NotBlank @Size(max = 512) String signature) {
}
