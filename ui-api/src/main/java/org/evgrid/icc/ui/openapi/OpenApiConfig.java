package org.evgrid.icc.ui.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignedBy;
import org.evgrid.icc.coreapi.security.UserId;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs}: identifiers as plain strings, a schema per signed command type
 * ({@code Command.<type>}) and the roles that may sign it ({@code x-icc-commands}).
 */
@Configuration
public class OpenApiConfig {

    static {
        for (Class<?> id : List.of(OperatorId.class, StationId.class, PileId.class, AggregationUnitId.class, DispatchAreaId.class,
                ImportBatchId.class, KeyId.class, UserId.class)) {
            SpringDocUtils.getConfig().replaceWithSchema(id, new StringSchema().pattern("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
                    .description(id.getSimpleName()));
        }
        // identifiers of the market, demand response, dispatch and alarm contexts, with their own lengths and forms
        Map<Class<?>, String> more = new LinkedHashMap<>();
        more.put(BidId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$");
        more.put(MarketNoticeId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
        more.put(MarketProductCode.class, "^[A-Z][A-Z0-9_]{1,31}$");
        more.put(DrProgramId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
        more.put(DrEventId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
        more.put(DispatchPlanId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}$");
        more.put(DeviationId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}~Q\\d{2}$");
        more.put(InstructionId.class, "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}~[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
        more.put(AlarmId.class, "^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,239}$");
        more.forEach((id, pattern) -> SpringDocUtils.getConfig().replaceWithSchema(id, new StringSchema().pattern(pattern)
                .description(id.getSimpleName())));
    }

    @Bean
    OpenAPI iccOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EV–Grid Integration Management Center API").version("v1")
                        .description("电动汽车与电网融合能源管理中心 — signed commands (POST /api/v1/commands) and queries. "
                                + "Errors are RFC 7807 problem details with code, field, messageZh, messageEn and fix."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Console users"))
                        .addSecuritySchemes("signedRequest", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-ICC-Signature")
                                .description("Machine clients: X-ICC-Key-Id, X-ICC-Timestamp, X-ICC-Nonce and X-ICC-Signature over "
                                        + "METHOD\\npath?query\\ntimestamp\\nnonce (see the icc-cli `get` command)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("signedRequest"));
    }

    @Bean
    OpenApiCustomizer commandSchemas() {
        return openApi -> {
            Map<String, Object> catalogue = new LinkedHashMap<>();
            CommandTypes.all().forEach((name, type) -> {
                Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(type));
                schemas.forEach((n, s) -> openApi.getComponents().addSchemas(n, s));
                Schema<?> main = schemas.get(type.getSimpleName());
                if (main != null) {
                    openApi.getComponents().addSchemas("Command." + name, new Schema<>().$ref("#/components/schemas/" + type.getSimpleName()));
                }
                SignedBy signedBy = type.getAnnotation(SignedBy.class);
                List<String> roles = new ArrayList<>();
                if (signedBy != null) {
                    Arrays.stream(signedBy.value()).forEach(r -> roles.add(r.name()));
                }
                catalogue.put(name, Map.of("payloadSchema", "#/components/schemas/" + type.getSimpleName(), "signedBy", roles));
            });
            openApi.addExtension("x-icc-commands", catalogue);
            FieldDocs.describe(openApi);
        };
    }
}
