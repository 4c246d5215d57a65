package org.evgrid.icc.ui.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitList;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorsQuery;
import org.evgrid.icc.coreapi.archive.FindPileQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.FindStationQuery;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorList;
import org.evgrid.icc.coreapi.archive.OperatorView;
import org.evgrid.icc.coreapi.archive.PileCountView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.PileView;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationView;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Archive queries: operators, stations, piles and aggregation units, within the caller's data scope. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Archives", description = "Operators, stations, piles and aggregation units (R-4.1)")
public class ArchiveController {

    private final QueryAsker asker;

    public ArchiveController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/piles/{pileId}")
    @Operation(operationId = "getPile", summary = "One pile by id")
    public PileView pile(@PathVariable String pileId) {
        return asker.ask(new FindPileQuery(CurrentViewer.get(), new PileId(pileId)), PileView.class);
    }

    @GetMapping("/piles")
    @Operation(operationId = "listPiles", summary = "Piles in service under one key, paged and sorted by pile id",
            description = "by = OPERATOR | STATION | DISPATCH_AREA | UNIT | PROVINCE | CITY | DISTRICT; key = the operator id, station id, "
                    + "dispatch area id, unit id or the 6-digit region code")
    public PilePage piles(@RequestParam PileDimension by, @RequestParam @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String key,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                          @Parameter(description = "asc or desc (by pile id)") @RequestParam(defaultValue = "asc")
                          @Pattern(regexp = "asc|desc") String order) {
        return asker.ask(new FindPilesQuery(CurrentViewer.get(), by, key, page, size, "desc".equals(order)), PilePage.class);
    }

    @GetMapping("/piles/count")
    @Operation(operationId = "countPiles", summary = "How many piles in service under one key, in all and by type")
    public PileCountView countPiles(@RequestParam PileDimension by, @RequestParam @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String key) {
        return asker.ask(new CountPilesQuery(CurrentViewer.get(), by, key), PileCountView.class);
    }

    @GetMapping("/operators")
    @Operation(operationId = "listOperators", summary = "Operators the caller may see, with station and pile counts")
    public OperatorList operators() {
        return asker.ask(new FindOperatorsQuery(CurrentViewer.get()), OperatorList.class);
    }

    @GetMapping("/operators/{operatorId}")
    @Operation(operationId = "getOperator", summary = "One operator")
    public OperatorView operator(@PathVariable String operatorId) {
        return asker.ask(new FindOperatorQuery(CurrentViewer.get(), new OperatorId(operatorId)), OperatorView.class);
    }

    @GetMapping("/stations/{stationId}")
    @Operation(operationId = "getStation", summary = "One station")
    public StationView station(@PathVariable String stationId) {
        return asker.ask(new FindStationQuery(CurrentViewer.get(), new StationId(stationId)), StationView.class);
    }

    @GetMapping("/units")
    @Operation(operationId = "listUnits", summary = "Aggregation units with member counts and rated power")
    public AggregationUnitList units() {
        return asker.ask(new FindAggregationUnitsQuery(CurrentViewer.get()), AggregationUnitList.class);
    }

    @GetMapping("/units/{unitId}")
    @Operation(operationId = "getUnit", summary = "One aggregation unit")
    public AggregationUnitView unit(@PathVariable String unitId) {
        return asker.ask(new FindAggregationUnitQuery(CurrentViewer.get(), new AggregationUnitId(unitId)), AggregationUnitView.class);
    }
}
