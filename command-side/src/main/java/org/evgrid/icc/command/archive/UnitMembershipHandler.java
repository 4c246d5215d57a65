package org.evgrid.icc.command.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.evgrid.icc.command.archive.internal.ArchiveRefusals;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.RemovePilesFromUnitCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.springframework.stereotype.Component;

/**
 * Adds piles to and removes them from an aggregation unit, up to 1,000 at a time, all or nothing. A pile joins only a
 * unit of its own dispatch area and belongs to at most one unit; a pile already in the unit is skipped. The membership
 * is recorded on each pile ({@code PileAssignedToUnitEvent}, {@code PileRemovedFromUnitEvent}).
 */
@Component
public class UnitMembershipHandler {

    /** Most piles in one assignment or removal. */
    public static final int MAX_PILES = 1000;

    private final Repository<AggregationUnit> units;
    private final Repository<Pile> piles;
    private final EventStore events;

    public UnitMembershipHandler(Repository<AggregationUnit> aggregationUnitRepository, Repository<Pile> pileRepository,
                                 EventStore eventStore) {
        this.units = aggregationUnitRepository;
        this.piles = pileRepository;
        this.events = eventStore;
    }

    @CommandHandler
    public void handle(AssignPilesToUnitCommand command) {
        List<PileId> pileIds = checkSize(command.pileIds());
        AggregationUnitId unitId = command.unitId();
        DispatchAreaId area = Aggregates.find(units, events, unitId)
                .orElseThrow(() -> ArchiveRefusals.unitUnknown(unitId).exception())
                .invoke(AggregationUnit::dispatchAreaId);
        Map<PileId, Aggregate<Pile>> loaded = load(pileIds);
        List<ItemError> errors = new ArrayList<>();
        List<Aggregate<Pile>> joining = new ArrayList<>();
        Set<PileId> seen = new HashSet<>();
        for (int i = 0; i < pileIds.size(); i++) {
            PileId pileId = pileIds.get(i);
            if (pileId == null) {
                errors.add(Texts.missing("pileIds[" + i + "]", "充电桩编号", "pile id").item(i, null));
                continue;
            }
            if (!seen.add(pileId)) {
                continue;
            }
            Aggregate<Pile> pile = loaded.get(pileId);
            if (pile == null) {
                errors.add(ArchiveRefusals.pileUnknown(pileId).item(i, pileId.value()));
                continue;
            }
            PileFacts facts = pile.invoke(Pile::facts);
            if (facts.decommissioned()) {
                errors.add(ArchiveRefusals.pileDecommissioned(pileId).item(i, pileId.value()));
            } else if (unitId.equals(facts.unitId())) {
                continue;
            } else if (facts.unitId() != null) {
                errors.add(Refusal.conflict("ICC-PILE-IN-OTHER-UNIT", "pileIds",
                        "充电桩 " + pileId + " 已属于聚合单元 " + facts.unitId(),
                        "Pile " + pileId + " already belongs to aggregation unit " + facts.unitId(),
                        "Remove the pile from unit " + facts.unitId() + " first").item(i, pileId.value()));
            } else if (!area.equals(facts.dispatchAreaId())) {
                errors.add(Refusal.unprocessable("ICC-UNIT-AREA-MISMATCH", "pileIds",
                        "充电桩 " + pileId + " 属于调度区域 " + facts.dispatchAreaId() + "，与聚合单元的调度区域 " + area + " 不同",
                        "Pile " + pileId + " lies in dispatch area " + facts.dispatchAreaId() + ", not in the unit's area " + area,
                        "Assign the pile to a unit of its own dispatch area").item(i, pileId.value()));
            } else {
                joining.add(pile);
            }
        }
        if (!errors.isEmpty()) {
            throw rejected("ICC-UNIT-ASSIGN-REJECTED", "编入", "added to", pileIds.size(), errors);
        }
        joining.forEach(pile -> pile.execute(p -> p.assignTo(unitId)));
    }

    @CommandHandler
    public void handle(RemovePilesFromUnitCommand command) {
        List<PileId> pileIds = checkSize(command.pileIds());
        AggregationUnitId unitId = command.unitId();
        if (!Aggregates.exists(events, unitId)) {
            throw ArchiveRefusals.unitUnknown(unitId).exception();
        }
        Map<PileId, Aggregate<Pile>> loaded = load(pileIds);
        List<ItemError> errors = new ArrayList<>();
        List<Aggregate<Pile>> leaving = new ArrayList<>();
        Set<PileId> seen = new HashSet<>();
        for (int i = 0; i < pileIds.size(); i++) {
            PileId pileId = pileIds.get(i);
            if (pileId == null) {
                errors.add(Texts.missing("pileIds[" + i + "]", "充电桩编号", "pile id").item(i, null));
                continue;
            }
            if (!seen.add(pileId)) {
                continue;
            }
            Aggregate<Pile> pile = loaded.get(pileId);
            if (pile == null) {
                errors.add(ArchiveRefusals.pileUnknown(pileId).item(i, pileId.value()));
            } else if (!unitId.equals(pile.invoke(Pile::facts).unitId())) {
                errors.add(Refusal.unprocessable("ICC-PILE-NOT-IN-UNIT", "pileIds",
                        "充电桩 " + pileId + " 不在聚合单元 " + unitId + " 中", "Pile " + pileId + " is not in aggregation unit " + unitId,
                        "Remove only piles of this unit").item(i, pileId.value()));
            } else {
                leaving.add(pile);
            }
        }
        if (!errors.isEmpty()) {
            throw rejected("ICC-UNIT-REMOVE-REJECTED", "移出", "removed from", pileIds.size(), errors);
        }
        leaving.forEach(pile -> pile.execute(p -> p.removeFrom(unitId)));
    }

    private static List<PileId> checkSize(List<PileId> pileIds) {
        int size = pileIds == null ? 0 : pileIds.size();
        if (size == 0 || size > MAX_PILES) {
            throw Refusal.invalid("ICC-UNIT-PILES-SIZE", "pileIds",
                    "一次应处理 1 到 1000 台充电桩，现为 " + size + " 台",
                    "One change takes 1 to 1000 piles; " + size + " given",
                    "Split the piles into parts of at most 1000").exception();
        }
        return pileIds;
    }

    /** Loads the existing piles among the ids, in id order (so that concurrent changes lock piles in the same order). */
    private Map<PileId, Aggregate<Pile>> load(List<PileId> pileIds) {
        Map<PileId, Aggregate<Pile>> loaded = new HashMap<>();
        pileIds.stream().filter(Objects::nonNull).distinct().sorted(Comparator.comparing(PileId::value))
                .forEach(id -> Aggregates.find(piles, events, id).ifPresent(pile -> loaded.put(id, pile)));
        return loaded;
    }

    private static IccException rejected(String code, String verbZh, String verbEn, int size, List<ItemError> errors) {
        long faulty = errors.stream().mapToInt(ItemError::index).distinct().count();
        return new IccException(code, ErrorCategory.UNPROCESSABLE, "pileIds",
                size + " 台充电桩中有 " + faulty + " 台不能" + verbZh + "聚合单元，本次未做任何改动",
                faulty + " of the " + size + " piles cannot be " + verbEn + " the unit; nothing was changed",
                "Correct or leave out the listed piles and send the change again", errors);
    }
}
