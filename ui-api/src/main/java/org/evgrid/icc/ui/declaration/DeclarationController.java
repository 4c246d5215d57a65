package org.evgrid.icc.ui.declaration;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationList;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsList;
import org.evgrid.icc.coreapi.declaration.DeclarationView;
import org.evgrid.icc.coreapi.declaration.FindDeclarationQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationTotalsQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationsQuery;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demand declarations: one declaration, an operator's declarations for a product and period, and the center's
 * totals per aggregation unit. Declarations are made, amended and withdrawn with the signed commands DeclareDemand,
 * AmendDemand and WithdrawDemand through {@code POST /api/v1/commands}.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/declarations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Demand declarations", description = "Medium/long-term energy and day-ahead curves declared per product, period and "
        + "aggregation unit until the product's gate closes (R-4.2.3)")
public class DeclarationController {

    private static final String PRODUCT = "[A-Z][A-Z0-9_]{1,31}";
    private static final String ID = "[A-Za-z0-9_.:-]{1,64}";

    private final QueryAsker asker;

    public DeclarationController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/{declarationId}")
    @Operation(operationId = "getDeclaration", summary = "One declaration by id",
            description = "The id is <operator>~<product>~<period start>~<unit>, e.g. OP-1~DAY_AHEAD~2026-12-01~AU-1. "
                    + "An operator platform sees only its own declarations.")
    public DeclarationView declaration(@PathVariable String declarationId) {
        return asker.ask(new FindDeclarationQuery(CurrentViewer.get(), new DeclarationId(declarationId)), DeclarationView.class);
    }

    @GetMapping
    @Operation(operationId = "listDeclarations", summary = "An operator's declarations (every unit, withdrawn ones too) for a product "
            + "and period")
    public DeclarationList declarations(
            @Parameter(description = "operator id; an operator platform may leave it out (its own)")
            @RequestParam(required = false) @Pattern(regexp = ID) String operator,
            @Parameter(description = "product code, e.g. MLT_MONTHLY, MLT_WEEKLY, DAY_AHEAD") @RequestParam @Pattern(regexp = PRODUCT)
            String product,
            @Parameter(description = "the period's first day (yyyy-MM-dd): first of the month, a Monday, or the trading day")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period) {
        Viewer viewer = CurrentViewer.get();
        OperatorId operatorId = operator != null ? new OperatorId(operator) : viewer.operatorId();
        return asker.ask(new FindDeclarationsQuery(viewer, operatorId, product, period), DeclarationList.class);
    }

    @GetMapping("/totals")
    @Operation(operationId = "getDeclarationTotals", summary = "The center's totals of live declarations per aggregation unit",
            description = "Sum of energy (kWh) or the point-wise sum of the 96-point curves (kW), with the number of live and of "
                    + "frozen declarations; for one unit, or for every unit with declarations if unit is left out. Not for operator "
                    + "platforms.")
    public DeclarationTotalsList totals(
            @Parameter(description = "product code") @RequestParam @Pattern(regexp = PRODUCT) String product,
            @Parameter(description = "the period's first day (yyyy-MM-dd)") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate period,
            @Parameter(description = "aggregation unit id; leave out for all units") @RequestParam(required = false)
            @Pattern(regexp = ID) String unit) {
        AggregationUnitId unitId = unit == null ? null : new AggregationUnitId(unit);
        return asker.ask(new FindDeclarationTotalsQuery(CurrentViewer.get(), product, period, unitId), DeclarationTotalsList.class);
    }
}
