package org.evgrid.icc.command.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.evgrid.icc.command.archive.internal.ArchiveRefusals;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PilesImportedEvent;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.springframework.stereotype.Component;

/**
 * Registers piles, one at a time or up to 1,000 in an all-or-nothing import. A pile takes its operator, dispatch area
 * and region from its station, which must belong to the pile's operator and be in service; the operator must be
 * active. An import checks every item and, if any is at fault, refuses the whole batch listing every faulty item
 * ({@code ICC-IMPORT-REJECTED}) and records nothing.
 */
@Component
public class PileCommandHandler {

    /** Most piles in one import. */
    public static final int MAX_IMPORT = 1000;

    private final Repository<Pile> piles;
    private final Repository<PileImportBatch> batches;
    private final EventStore events;

    public PileCommandHandler(Repository<Pile> pileRepository, Repository<PileImportBatch> pileImportBatchRepository,
                              EventStore eventStore) {
        this.piles = pileRepository;
        this.batches = pileImportBatchRepository;
        this.events = eventStore;
    }

    @CommandHandler
    public void handle(RegisterPileCommand command) throws Exception {
        PileSpec spec = command.spec();
        List<Refusal> refusals = PileRules.check(spec);
        if (!refusals.isEmpty()) {
            throw refusals.get(0).exception();
        }
        ArchiveLookups.requireActiveOperator(events, command.operatorId());
        Optional<StationFacts> station = ArchiveLookups.station(events, spec.stationId());
        Optional<Refusal> stationRefusal = ArchiveLookups.refusePileAt(station, spec.stationId(), command.operatorId());
        if (stationRefusal.isPresent()) {
            throw stationRefusal.get().exception();
        }
        if (Aggregates.exists(events, spec.pileId())) {
            throw ArchiveRefusals.pileExists(spec.pileId()).exception();
        }
        PileRegisteredEvent registration = registration(spec, command.operatorId(), station.get(), null);
        piles.newInstance(() -> new Pile(registration));
    }

    @CommandHandler
    public void handle(ImportPilesCommand command) throws Exception {
        List<PileSpec> specs = command.piles();
        int size = specs == null ? 0 : specs.size();
        if (size == 0 || size > MAX_IMPORT) {
            throw Refusal.invalid("ICC-IMPORT-SIZE", "piles",
                    "一批应导入 1 到 1000 台充电桩，现为 " + size + " 台",
                    "An import holds 1 to 1000 piles; " + size + " given",
                    "Split the piles into batches of at most 1000").exception();
        }
        OperatorId operatorId = command.operatorId();
        if (operatorId == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        if (Aggregates.exists(events, command.batchId())) {
            throw Refusal.conflict("ICC-IMPORT-DUPLICATE", "batchId",
                    "批次 " + command.batchId() + " 已导入过", "Batch " + command.batchId() + " was already imported",
                    "Nothing to do if it is the same batch; otherwise send it under a new batch id").exception();
        }
        ArchiveLookups.requireActiveOperator(events, operatorId);
        List<PileRegisteredEvent> registrations = checkImport(command.batchId(), operatorId, specs);
        for (PileRegisteredEvent registration : registrations) {
            piles.newInstance(() -> new Pile(registration));
        }
        PilesImportedEvent imported = new PilesImportedEvent(command.batchId(), operatorId, registrations.size());
        batches.newInstance(() -> new PileImportBatch(imported));
    }

    /** Checks every item; answers the registrations if all are fine, else refuses with every item error. */
    private List<PileRegisteredEvent> checkImport(ImportBatchId batchId, OperatorId operatorId, List<PileSpec> specs) {
        // Each station is read once per import (without its lock: the import only checks it).
        Map<StationId, Optional<StationFacts>> stationFacts = new HashMap<>();
        specs.stream().filter(Objects::nonNull).map(PileSpec::stationId).filter(Objects::nonNull).distinct()
                .forEach(id -> stationFacts.put(id, ArchiveLookups.station(events, id)));
        Set<PileId> existing = new HashSet<>();
        specs.stream().filter(Objects::nonNull).map(PileSpec::pileId).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(PileId::value))
                .filter(id -> Aggregates.exists(events, id))
                .forEach(existing::add);

        List<ItemError> errors = new ArrayList<>();
        List<PileRegisteredEvent> registrations = new ArrayList<>();
        Set<PileId> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            PileSpec spec = specs.get(i);
            if (spec == null) {
                errors.add(Texts.missing("piles[" + i + "]", "充电桩档案", "pile record").item(i, null));
                continue;
            }
            List<Refusal> refusals = new ArrayList<>(PileRules.check(spec));
            if (spec.pileId() != null) {
                if (!seen.add(spec.pileId())) {
                    refusals.add(Refusal.invalid("ICC-IMPORT-PILE-REPEATED", "pileId",
                            "充电桩 " + spec.pileId() + " 在本批中重复出现", "Pile " + spec.pileId() + " appears more than once in the batch",
                            "Keep one record per pile"));
                } else if (existing.contains(spec.pileId())) {
                    refusals.add(ArchiveRefusals.pileExists(spec.pileId()));
                }
            }
            Optional<StationFacts> station = Optional.empty();
            if (spec.stationId() != null) {
                station = stationFacts.get(spec.stationId());
                ArchiveLookups.refusePileAt(station, spec.stationId(), operatorId).ifPresent(refusals::add);
            }
            if (refusals.isEmpty()) {
                registrations.add(registration(spec, operatorId, station.orElseThrow(), batchId));
            } else {
                String itemId = spec.pileId() == null ? null : spec.pileId().value();
                int index = i;
                refusals.forEach(r -> errors.add(r.item(index, itemId)));
            }
        }
        if (!errors.isEmpty()) {
            long faulty = errors.stream().mapToInt(ItemError::index).distinct().count();
            throw new IccException("ICC-IMPORT-REJECTED", ErrorCategory.UNPROCESSABLE, "piles",
                    "本批 " + specs.size() + " 台充电桩中有 " + faulty + " 台有误，整批未导入",
                    faulty + " of the " + specs.size() + " piles in the batch are at fault; nothing was imported",
                    "Correct the listed items and send the whole batch again", errors);
        }
        return registrations;
    }

    private static PileRegisteredEvent registration(PileSpec spec, OperatorId operatorId, StationFacts station, ImportBatchId batchId) {
        return new PileRegisteredEvent(spec.pileId(), operatorId, spec.stationId(), station.dispatchAreaId(), station.region(),
                spec.type(), spec.ratedPowerKw(), spec.minPowerKw(), PileRules.dischargeOrZero(spec.maxDischargeKw()),
                spec.connectorCount(), batchId);
    }
}
