package org.evgrid.icc.query.telemetry;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.CompletenessPoint;
import org.evgrid.icc.coreapi.telemetry.CompletenessView;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.CurrentIntervalView;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyPoint;
import org.evgrid.icc.coreapi.telemetry.EnergyView;
import org.evgrid.icc.coreapi.telemetry.FindCompletenessQuery;
import org.evgrid.icc.coreapi.telemetry.FindCurrentIntervalQuery;
import org.evgrid.icc.coreapi.telemetry.FindEnergyQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadStatisticsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileGapsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileHistoryQuery;
import org.evgrid.icc.coreapi.telemetry.LoadComparison;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadFigures;
import org.evgrid.icc.coreapi.telemetry.LoadPoint;
import org.evgrid.icc.coreapi.telemetry.LoadStatisticsView;
import org.evgrid.icc.coreapi.telemetry.PileGapPage;
import org.evgrid.icc.coreapi.telemetry.PileGapView;
import org.evgrid.icc.coreapi.telemetry.PileHistoryView;
import org.evgrid.icc.coreapi.telemetry.PileSlotView;
import org.evgrid.icc.coreapi.telemetry.TelemetryAlarmView;
import org.evgrid.icc.query.archive.internal.ArchiveAccess;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.evgrid.icc.query.telemetry.internal.DayFigures;
import org.evgrid.icc.query.telemetry.internal.PileDims;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.evgrid.icc.query.telemetry.internal.TelemetryErrors;
import org.evgrid.icc.query.telemetry.internal.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Telemetry queries: load curves, energy by day and month, load statistics with comparisons,
 * the current interval, a pile's day with its history, completeness with alarms, and the gap report. Every read is by
 * {@code _id} ({@code $in} over the days or months of the range). Data scope as in the archive
 * ({@link ArchiveAccess}): operator users see their own operator and piles only; regional users see province, city and
 * district keys inside their area; administrators are refused.
 */
@Component
public class TelemetryQueries {

    /** Roles that may read telemetry. */
    public static final Set<Role> READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.REGULATOR,
            Role.AUDITOR, Role.ARCHIVE_MANAGER, Role.OPERATOR_PLATFORM, Role.CENTER_SERVICE);
    /** Piles examined per page of the gap report. */
    public static final int GAP_PAGE_SIZE = 100;

    private static final int MAX_CURVE_DAYS = 120;
    private static final int MAX_ENERGY_DAYS = 366;

    private final MongoDatabase database;
    private final Clock clock;
    private final TelemetrySettings settings;

    @Autowired
    public TelemetryQueries(MongoDatabase database, Clock clock, ObjectProvider<TelemetrySettings> settings) {
        this(database, clock, settings.getIfAvailable(TelemetrySettings::defaults));
    }

    public TelemetryQueries(MongoDatabase database, Clock clock, TelemetrySettings settings) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ load curve

    @QueryHandler
    public LoadCurveView loadCurve(FindLoadCurveQuery query) {
        checkKey(query.viewer(), query.dimension(), query.key());
        List<LocalDate> days = days(query.from(), query.to(), MAX_CURVE_DAYS);
        int res = query.resolutionMinutes();
        if (res != 5 && res != 15 && res != 60) {
            throw TelemetryErrors.resolution(res);
        }
        Map<LocalDate, long[][]> slots = slotValues(query.dimension(), query.key(), days);
        int per = res / 5;
        List<LoadPoint> points = new ArrayList<>();
        BigDecimal peak = null;
        Instant peakAt = null;
        BigDecimal sum = BigDecimal.ZERO;
        int reportedPoints = 0;
        for (LocalDate day : days) {
            long[][] v = slots.get(day);
            for (int start = 0; start < Slots.PER_DAY; start += per) {
                long watts = 0;
                int reported = 0;
                int reporting = 0;
                int online = 0;
                for (int s = start; s < start + per; s++) {
                    if (v != null && v[1][s] > 0) {
                        watts += v[0][s];
                        reported++;
                        reporting = (int) Math.max(reporting, v[1][s]);
                        online = (int) Math.max(online, v[2][s]);
                    }
                }
                BigDecimal kw = reported == 0 ? null : Units.kwMean(watts, reported);
                Instant at = Slots.start(day, start);
                points.add(new LoadPoint(at, kw, reporting, online));
                if (kw != null) {
                    reportedPoints++;
                    sum = sum.add(kw);
                    if (peak == null || kw.compareTo(peak) > 0) {
                        peak = kw;
                        peakAt = at;
                    }
                }
            }
        }
        BigDecimal average = reportedPoints == 0 ? null : sum.divide(BigDecimal.valueOf(reportedPoints), 3, RoundingMode.HALF_UP);
        return new LoadCurveView(query.dimension(), query.key(), query.from(), query.to(), res, points, peak, peakAt, average,
                loadFactor(average, peak));
    }

    /** Per day: [power W, reporting, online][slot] of a key, or of a single pile (dimension null). */
    private Map<LocalDate, long[][]> slotValues(PileDimension dimension, String key, List<LocalDate> days) {
        Map<String, LocalDate> ids = new HashMap<>();
        for (LocalDate day : days) {
            ids.put(dimension == null ? Slots.pileDayId(key, day) : Slots.aggDayId(dimension, key, day), day);
        }
        Map<LocalDate, long[][]> values = new HashMap<>();
        for (Document doc : dimension == null ? pileDays(ids.keySet()) : byIds(TelemetryCollections.AGG_DAYS, ids.keySet())) {
            LocalDate day = ids.get(doc.getString("_id"));
            long[][] v = new long[3][Slots.PER_DAY];
            if (dimension == null) {
                Document s = doc.get("s", Document.class);
                if (s != null) {
                    s.forEach((slot, value) -> {
                        Document r = (Document) value;
                        DataQuality q = DataQuality.valueOf(r.getString("q"));
                        int i = Integer.parseInt(slot);
                        v[0][i] = q == DataQuality.OK || q == DataQuality.ESTIMATED ? Units.asLong(r.get("a")) : 0;
                        v[1][i] = q != DataQuality.MISSING ? 1 : 0;
                        v[2][i] = ConnectorStatus.valueOf(r.getString("st")).online() ? 1 : 0;
                    });
                }
            } else {
                fill(v[0], doc.get("w", Document.class));
                fill(v[1], doc.get("r", Document.class));
                fill(v[2], doc.get("n", Document.class));
            }
            values.put(day, v);
        }
        return values;
    }

    private static void fill(long[] target, Document map) {
        if (map != null) {
            map.forEach((slot, value) -> target[Integer.parseInt(slot)] = Units.asLong(value));
        }
    }

    // ------------------------------------------------------------------ energy and statistics

    @QueryHandler
    public EnergyView energy(FindEnergyQuery query) {
        requireDimension(query.dimension());
        checkKey(query.viewer(), query.dimension(), query.key());
        List<LocalDate> days = days(query.from(), query.to(), MAX_ENERGY_DAYS);
        Map<LocalDate, DayFigures> figures = dayFigures(query.dimension(), query.key(), days);
        List<EnergyPoint> points = new ArrayList<>();
        if (query.monthly()) {
            Map<LocalDate, List<LocalDate>> months = new TreeMap<>();
            for (LocalDate day : days) {
                months.computeIfAbsent(day.withDayOfMonth(1), m -> new ArrayList<>()).add(day);
            }
            months.forEach((month, monthDays) -> points.add(point(month, monthDays, figures)));
        } else {
            for (LocalDate day : days) {
                points.add(point(day, List.of(day), figures));
            }
        }
        return new EnergyView(query.dimension(), query.key(), query.from(), query.to(), query.monthly(), points,
                point(query.from(), days, figures));
    }

    private static EnergyPoint point(LocalDate start, List<LocalDate> days, Map<LocalDate, DayFigures> figures) {
        long ws = 0;
        long mwh = 0;
        long oc = 0;
        long owh = 0;
        long fen = 0;
        Long peak = null;
        Instant peakAt = null;
        for (LocalDate day : days) {
            DayFigures f = figures.getOrDefault(day, DayFigures.EMPTY);
            ws += f.wattSlots();
            mwh += f.meteredWh();
            oc += f.orderCount();
            owh += f.orderWh();
            fen += f.orderTotalFen();
            if (f.peakSlot() >= 0 && (peak == null || f.peakW() > peak)) {
                peak = f.peakW();
                peakAt = Slots.start(day, f.peakSlot());
            }
        }
        return new EnergyPoint(start, Units.kwhFromSlots(ws), Units.kwh(mwh), oc, Units.kwh(owh), Units.yuan(fen),
                peak == null ? null : Units.kw(peak), peakAt);
    }

    @QueryHandler
    public LoadStatisticsView statistics(FindLoadStatisticsQuery query) {
        if (query.dimension() != PileDimension.OPERATOR && query.dimension() != PileDimension.UNIT) {
            throw TelemetryErrors.dimension("OPERATOR, UNIT");
        }
        checkKey(query.viewer(), query.dimension(), query.key());
        days(query.from(), query.to(), MAX_ENERGY_DAYS);
        LoadFigures current = figures(query.dimension(), query.key(), query.from(), query.to());
        List<LoadComparison> comparisons = new ArrayList<>();
        comparisons.add(compare("WEEK", current, figures(query.dimension(), query.key(), query.from().minusWeeks(1),
                query.to().minusWeeks(1))));
        comparisons.add(compare("MONTH", current, figures(query.dimension(), query.key(), query.from().minusMonths(1),
                query.to().minusMonths(1))));
        comparisons.add(compare("YEAR", current, figures(query.dimension(), query.key(), query.from().minusYears(1),
                query.to().minusYears(1))));
        return new LoadStatisticsView(query.dimension(), query.key(), current, comparisons);
    }

    private LoadFigures figures(PileDimension dimension, String key, LocalDate from, LocalDate to) {
        List<LocalDate> days = days(from, to, MAX_ENERGY_DAYS);
        Map<LocalDate, DayFigures> figures = dayFigures(dimension, key, days);
        long ws = 0;
        long rs = 0;
        Long peak = null;
        Instant peakAt = null;
        for (LocalDate day : days) {
            DayFigures f = figures.getOrDefault(day, DayFigures.EMPTY);
            ws += f.wattSlots();
            rs += f.reportedSlots();
            if (f.peakSlot() >= 0 && (peak == null || f.peakW() > peak)) {
                peak = f.peakW();
                peakAt = Slots.start(day, f.peakSlot());
            }
        }
        BigDecimal peakKw = peak == null ? null : Units.kw(peak);
        BigDecimal average = rs == 0 ? null : Units.kwMean(ws, rs);
        return new LoadFigures(from, to, peakKw, peakAt, average, loadFactor(average, peakKw),
                rs == 0 ? null : Units.kwhFromSlots(ws));
    }

    private static LoadComparison compare(String basis, LoadFigures now, LoadFigures earlier) {
        return new LoadComparison(basis, earlier, difference(now.peakKw(), earlier.peakKw()),
                Units.percentChange(now.peakKw(), earlier.peakKw()), difference(now.averageKw(), earlier.averageKw()),
                Units.percentChange(now.averageKw(), earlier.averageKw()), difference(now.energyKwh(), earlier.energyKwh()),
                Units.percentChange(now.energyKwh(), earlier.energyKwh()));
    }

    private static BigDecimal difference(BigDecimal now, BigDecimal earlier) {
        return now == null || earlier == null ? null : now.subtract(earlier);
    }

    private static BigDecimal loadFactor(BigDecimal average, BigDecimal peak) {
        return average == null || peak == null || peak.signum() <= 0 ? null : average.divide(peak, 4, RoundingMode.HALF_UP);
    }

    /** The day figures of a key from its month documents. */
    private Map<LocalDate, DayFigures> dayFigures(PileDimension dimension, String key, List<LocalDate> days) {
        Set<String> ids = new LinkedHashSet<>();
        days.forEach(day -> ids.add(Slots.aggMonthId(dimension, key, day)));
        Map<String, Document> months = new HashMap<>();
        byIds(TelemetryCollections.AGG_MONTHS, ids).forEach(doc -> months.put(doc.getString("_id"), doc));
        Map<LocalDate, DayFigures> figures = new HashMap<>();
        for (LocalDate day : days) {
            Document month = months.get(Slots.aggMonthId(dimension, key, day));
            Document entries = month == null ? null : month.get("d", Document.class);
            if (entries != null) {
                figures.put(day, DayFigures.fromMonthEntry(entries.get(Slots.dayOfMonthField(day), Document.class)));
            }
        }
        return figures;
    }

    // ------------------------------------------------------------------ real time

    @QueryHandler
    public CurrentIntervalView current(FindCurrentIntervalQuery query) {
        requireDimension(query.dimension());
        checkKey(query.viewer(), query.dimension(), query.key());
        Instant now = clock.instant();
        LocalDate today = Slots.day(now);
        Map<LocalDate, long[][]> values = slotValues(query.dimension(), query.key(), List.of(today.minusDays(1), today));
        long active = Memberships.totalPiles(database, query.dimension(), query.key());
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            long[][] v = values.get(day);
            if (v == null) {
                continue;
            }
            for (int s = Slots.elapsed(day, now) - 1; s >= 0; s--) {
                if (v[1][s] > 0) {
                    return new CurrentIntervalView(query.dimension(), query.key(), Slots.start(day, s), Units.kw(v[0][s]),
                            (int) v[1][s], (int) v[2][s], active);
                }
            }
        }
        return new CurrentIntervalView(query.dimension(), query.key(), null, null, 0, 0, active);
    }

    // ------------------------------------------------------------------ one pile

    @QueryHandler
    public PileHistoryView pileHistory(FindPileHistoryQuery query) {
        if (query.pileId() == null) {
            throw TelemetryErrors.missing("pileId");
        }
        if (query.day() == null) {
            throw TelemetryErrors.missing("day");
        }
        checkKey(query.viewer(), null, query.pileId().value());
        LocalDate day = query.day();
        Document doc = pileDays(List.of(Slots.pileDayId(query.pileId().value(), day))).stream().findFirst().orElse(null);
        List<PileSlotView> latest = new ArrayList<>();
        List<PileSlotView> superseded = new ArrayList<>();
        Set<Integer> present = new HashSet<>();
        if (doc != null) {
            Document s = doc.get("s", Document.class);
            if (s != null) {
                s.forEach((slot, value) -> {
                    int i = Integer.parseInt(slot);
                    latest.add(slotView(day, i, (Document) value));
                    if (!DataQuality.MISSING.name().equals(((Document) value).getString("q"))) {
                        present.add(i);
                    }
                });
            }
            for (Document h : doc.getList("h", Document.class, List.of())) {
                superseded.add(slotView(day, ((Number) h.get("slot")).intValue(), h));
            }
        }
        latest.sort(Comparator.comparing(PileSlotView::start));
        List<Instant> missing = new ArrayList<>();
        for (int s = 0; s < Slots.elapsed(day, clock.instant()); s++) {
            if (!present.contains(s)) {
                missing.add(Slots.start(day, s));
            }
        }
        return new PileHistoryView(query.pileId().value(), day, latest, superseded, missing);
    }

    private static PileSlotView slotView(LocalDate day, int slot, Document v) {
        return new PileSlotView(Slots.start(day, slot), Units.kw(Units.asLong(v.get("a"))), Units.kw(Units.asLong(v.get("m"))),
                ConnectorStatus.valueOf(v.getString("st")), DataQuality.valueOf(v.getString("q")), v.getString("b"));
    }

    // ------------------------------------------------------------------ completeness

    @QueryHandler
    public CompletenessView completeness(FindCompletenessQuery query) {
        if (query.operatorId() == null) {
            throw TelemetryErrors.missing("operatorId");
        }
        if (query.day() == null) {
            throw TelemetryErrors.missing("day");
        }
        String operator = query.operatorId().value();
        checkKey(query.viewer(), PileDimension.OPERATOR, operator);
        LocalDate day = query.day();
        long active = Memberships.totalPiles(database, PileDimension.OPERATOR, operator);
        long[][] v = slotValues(PileDimension.OPERATOR, operator, List.of(day)).get(day);
        List<CompletenessPoint> points = new ArrayList<>();
        int elapsed = Slots.elapsed(day, clock.instant());
        for (int s = 0; s < elapsed; s++) {
            int reporting = v == null ? 0 : (int) v[1][s];
            points.add(new CompletenessPoint(Slots.start(day, s), reporting, active,
                    Units.ratio(BigDecimal.valueOf(reporting), BigDecimal.valueOf(active))));
        }
        List<String> alarmIds = new ArrayList<>();
        for (int s = 0; s < Slots.PER_DAY; s++) {
            alarmIds.add(operator + "|" + Slots.minuteKey(day, s));
        }
        List<TelemetryAlarmView> alarms = new ArrayList<>();
        byIds(TelemetryCollections.ALARMS, alarmIds).forEach(a -> alarms.add(alarmView(a)));
        alarms.sort(Comparator.comparing(TelemetryAlarmView::id));
        return new CompletenessView(operator, day, settings.completenessThreshold(), points, alarms);
    }

    private static TelemetryAlarmView alarmView(Document a) {
        return new TelemetryAlarmView(a.getString("_id"), instant(a.get("time")), a.getString("type"), a.getString("level"),
                a.getString("status"), a.getString("module"), a.getString("title"), a.getString("details"),
                ((Number) a.get("occurrences")).intValue(), instant(a.get("firstTime")), ((Number) a.get("repeats")).intValue());
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    @QueryHandler
    public PileGapPage gaps(FindPileGapsQuery query) {
        if (query.operatorId() == null) {
            throw TelemetryErrors.missing("operatorId");
        }
        if (query.day() == null) {
            throw TelemetryErrors.missing("day");
        }
        if (query.page() < 0) {
            throw TelemetryErrors.page(query.page());
        }
        String operator = query.operatorId().value();
        checkKey(query.viewer(), PileDimension.OPERATOR, operator);
        List<String> piles = new ArrayList<>();
        Memberships.piles(database, PileDimension.OPERATOR, operator).values().forEach(piles::addAll);
        piles.sort(Comparator.naturalOrder());
        int from = Math.min(piles.size(), query.page() * GAP_PAGE_SIZE);
        List<String> page = piles.subList(from, Math.min(piles.size(), from + GAP_PAGE_SIZE));
        Map<String, String> ids = new HashMap<>();
        page.forEach(p -> ids.put(Slots.pileDayId(p, query.day()), p));
        Map<String, Integer> present = new HashMap<>();
        int elapsed = Slots.elapsed(query.day(), clock.instant());
        for (Document doc : pileDays(ids.keySet())) {
            Document s = doc.get("s", Document.class);
            int count = 0;
            if (s != null) {
                for (Map.Entry<String, Object> e : s.entrySet()) {
                    if (Integer.parseInt(e.getKey()) < elapsed
                            && !DataQuality.MISSING.name().equals(((Document) e.getValue()).getString("q"))) {
                        count++;
                    }
                }
            }
            present.put(ids.get(doc.getString("_id")), count);
        }
        List<PileGapView> gaps = new ArrayList<>();
        for (String pile : page) {
            int missing = elapsed - present.getOrDefault(pile, 0);
            if (missing > 0) {
                gaps.add(new PileGapView(pile, missing, elapsed));
            }
        }
        return new PileGapPage(operator, query.day(), query.page(), GAP_PAGE_SIZE, piles.size(), gaps);
    }

    // ------------------------------------------------------------------ access and helpers

    /** Checks the viewer's role and that it may see the key (a pile when dimension is null). */
    private void checkKey(Viewer viewer, PileDimension dimension, String key) {
        if (viewer != null && viewer.roles() != null && !viewer.roles().isEmpty()
                && viewer.roles().stream().noneMatch(role -> role == null || role.administrative())
                && viewer.roles().stream().noneMatch(READERS::contains)) {
            throw TelemetryErrors.role();
        }
        ArchiveAccess access = ArchiveAccess.of(viewer);
        if (key == null || key.isBlank()) {
            throw TelemetryErrors.missing("key");
        }
        if (dimension == null) {
            Optional<PileDims> pile = Optional.ofNullable(database.getCollection(TelemetryCollections.PILE_DIMS)
                    .find(Filters.eq("_id", key)).first()).map(PileDims::of);
            if (pile.isEmpty() || !access.sees(pile.get().operatorId(),
                    new Region(pile.get().provinceCode(), pile.get().cityCode(), pile.get().districtCode()))) {
                throw TelemetryErrors.pileNotFound(key);
            }
            return;
        }
        if (dimension == PileDimension.STATION) {
            throw TelemetryErrors.dimension("OPERATOR, UNIT, DISPATCH_AREA, PROVINCE, CITY, DISTRICT");
        }
        Function<String, Optional<String>> noStations = station -> Optional.empty();
        access.checkPileListing(dimension, key, noStations);
    }

    private static void requireDimension(PileDimension dimension) {
        if (dimension == null) {
            throw TelemetryErrors.missing("dimension");
        }
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to, int maxDays) {
        if (from == null) {
            throw TelemetryErrors.missing("from");
        }
        if (to == null) {
            throw TelemetryErrors.missing("to");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw TelemetryErrors.range(maxDays);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /**
     * Pile-day documents ({@code tpd|pile|day}) as one document each: the day document (energy, orders) with the power
     * slots ({@code s}) and superseded power versions ({@code h}) of its 24 hour documents merged in. Days with no
     * document at all are left out.
     */
    private List<Document> pileDays(Collection<String> dayIds) {
        List<String> ids = new ArrayList<>(dayIds);
        for (String dayId : dayIds) {
            for (int h = 0; h < Slots.HOURS; h++) {
                ids.add(dayId + "|" + String.format("%02d", h));
            }
        }
        Map<String, Document> merged = new HashMap<>();
        Map<String, Document> slots = new HashMap<>();
        Map<String, List<Document>> superseded = new HashMap<>();
        for (Document doc : byIds(TelemetryCollections.PILE_DAYS, ids)) {
            String id = doc.getString("_id");
            String dayId = id.chars().filter(c -> c == '|').count() == 3 ? id.substring(0, id.lastIndexOf('|')) : id;
            Document target = merged.computeIfAbsent(dayId, k -> new Document("_id", k));
            for (Map.Entry<String, Object> e : doc.entrySet()) {
                if (e.getKey().equals("s")) {
                    slots.computeIfAbsent(dayId, k -> new Document()).putAll((Document) e.getValue());
                } else if (e.getKey().equals("h")) {
                    superseded.computeIfAbsent(dayId, k -> new ArrayList<>()).addAll(doc.getList("h", Document.class));
                } else if (!e.getKey().equals("_id")) {
                    target.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        merged.forEach((dayId, doc) -> {
            if (slots.containsKey(dayId)) {
                doc.put("s", slots.get(dayId));
            }
            if (superseded.containsKey(dayId)) {
                doc.put("h", superseded.get(dayId));
            }
        });
        return new ArrayList<>(merged.values());
    }

    private List<Document> byIds(String collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.getCollection(collection).find(Filters.in("_id", new ArrayList<>(ids))).into(new ArrayList<>());
    }
}
