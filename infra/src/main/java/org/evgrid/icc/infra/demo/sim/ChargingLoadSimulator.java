package org.evgrid.icc.infra.demo.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.ChargingUserType;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;

/**
 * Simulates the charging load of a set of piles, deterministically: the same piles and seed give the same readings,
 * sessions and status changes, whatever is asked in whatever order, and nothing reads the wall clock.
 *
 * <p>Each pile-day draws its own charging sessions from a random stream keyed by (seed, pile id, day), following the
 * pile's {@link UsageProfile} and whether the day is a weekday; a session charges at a constant power (the lower of
 * the pile's rated power and the vehicle's acceptance) until the battery reaches its target or the vehicle leaves,
 * and stays connected (SUSPENDED) while full. Faults (FAULTED, no sessions), silent piles (no reading, or quality
 * MISSING) and silent platforms (a gap) are drawn from separate streams by {@link OutageRates}.
 *
 * <p>Consistency: a session's power in a 5-minute interval is its power × charging seconds / 300 rounded to the W;
 * a pile's interval power is the sum over its sessions (never above rated power, since sessions on a pile do not
 * overlap); the energy of an interval is power × 5/60; a session's order energy and a pile's daily energy (by
 * time-of-use period) are sums of interval energies rounded to the Wh. The energy fee is priced interval by interval
 * with {@link TouTariff}, the service fee per kWh by user type.
 *
 * <p>Local days are taken as 86,400 s (true of Asia/Shanghai, which has no daylight saving). Not thread-safe: it keeps
 * scratch buffers so that an interval of 300,000 piles allocates almost nothing; use one instance per thread.
 */
public final class ChargingLoadSimulator {

    /** The zone of operator platforms' local days. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Interval length, seconds. */
    public static final int INTERVAL = 300;
    /** Intervals in a local day. */
    public static final int INTERVALS_PER_DAY = 288;

    static final long DAY = 86_400;
    private static final long HOUR = 3_600;
    private static final long MINUTE = 60;
    private static final int CONNECTOR = 1;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ChargingUserType[] USER_TYPES = ChargingUserType.values();

    private final List<SimPile> piles;
    private final SimPile[] pileArray;
    private final long[] operatorKeys;
    private final long seed;
    private final ZoneId zone;
    private final OutageRates outages;
    private final TouTariff tariff;

    private final SplitMix rng = new SplitMix();
    private final Sessions prev = new Sessions();
    private final Sessions cur = new Sessions();
    private final double[] startHours = new double[Sessions.CAPACITY];
    private final long[] fault = new long[2];
    private final long[] silent = new long[3];
    private final long[] platform = new long[2];
    private long evalAvg;
    private long evalMax;
    private int evalStatus;
    private int evalSoc;

    /** A simulator with the default outage rates and tariff in Asia/Shanghai. */
    public ChargingLoadSimulator(List<SimPile> piles, long seed) {
        this(piles, seed, CHINA, OutageRates.DEFAULT, TouTariff.DEFAULT);
    }

    /** A simulator of the given piles (their order is the index order of results). */
    public ChargingLoadSimulator(List<SimPile> piles, long seed, ZoneId zone, OutageRates outages, TouTariff tariff) {
        this.piles = List.copyOf(piles);
        this.pileArray = this.piles.toArray(SimPile[]::new);
        this.seed = seed;
        this.zone = zone;
        this.outages = outages;
        this.tariff = tariff;
        this.operatorKeys = new long[pileArray.length];
        Map<OperatorId, Long> keys = new HashMap<>();
        for (int i = 0; i < pileArray.length; i++) {
            operatorKeys[i] = keys.computeIfAbsent(pileArray[i].operatorId(), op -> SimPile.hash("operator:" + op.value()));
        }
    }

    public List<SimPile> piles() {
        return piles;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Simulates one 5-minute interval of every pile.
     *
     * @param start the interval start, aligned to 5 minutes
     * @param reuse a frame of the simulator's size to fill, or null for a new one
     * @return the filled frame
     */
    public IntervalFrame interval(Instant start, IntervalFrame reuse) {
        long local = localSeconds(start);
        if (Math.floorMod(local, INTERVAL) != 0) {
            throw new IllegalArgumentException("an interval starts on a 5-minute boundary: " + start);
        }
        long day = Math.floorDiv(local, DAY);
        long a = local - day * DAY;
        IntervalFrame frame = reuse == null ? new IntervalFrame(pileArray.length) : reuse;
        if (frame.size() != pileArray.length) {
            throw new IllegalArgumentException("frame of " + frame.size() + " piles for " + pileArray.length);
        }
        frame.start = start;
        long platformKey = 0;
        boolean platformOff = false;
        for (int i = 0; i < pileArray.length; i++) {
            SimPile p = pileArray[i];
            if (i == 0 || operatorKeys[i] != platformKey) {
                platformKey = operatorKeys[i];
                platformOff = platformSilent(platformKey, day) && overlaps(platform[0], platform[1], a, a + INTERVAL);
            }
            generate(p, day - 1, prev);
            generate(p, day, cur);
            boolean faulted = fault(p, day) && overlaps(fault[0], fault[1], a, a + INTERVAL);
            evaluate(a, faulted);
            frame.avgW[i] = evalAvg;
            frame.maxW[i] = evalMax;
            frame.status[i] = (byte) evalStatus;
            frame.soc[i] = (byte) evalSoc;
            frame.quality[i] = quality(p, day, a, platformOff);
        }
        return frame;
    }

    /** Simulates a whole local day: energy by period of every pile, the sessions that ended, the status changes. */
    public DayResult day(LocalDate date) {
        long day = date.toEpochDay();
        int month = date.getMonthValue();
        long[][] periodWh = new long[pileArray.length][4];
        long[] periodW = new long[4];
        List<ChargingOrder> orders = new ArrayList<>();
        List<PileStatusChange> changes = new ArrayList<>();
        for (int i = 0; i < pileArray.length; i++) {
            SimPile p = pileArray[i];
            generate(p, day - 1, prev);
            generate(p, day, cur);
            boolean hasFault = fault(p, day);
            Arrays.fill(periodW, 0);
            for (int k = 0; k < INTERVALS_PER_DAY; k++) {
                long a = (long) k * INTERVAL;
                evaluate(a, hasFault && overlaps(fault[0], fault[1], a, a + INTERVAL));
                periodW[TouTariff.period(month, k * 5).ordinal()] += evalAvg;
            }
            for (int t = 0; t < 4; t++) {
                periodWh[i][t] = roundDiv(periodW[t], 12);
            }
            collectOrders(p, day, 0, DAY, orders);
            collectChanges(i, day, 0, DAY, changes);
        }
        changes.sort(Comparator.comparing(PileStatusChange::changedAt).thenComparing(c -> c.pileId().value()));
        return new DayResult(date, piles, periodWh, orders, changes);
    }

    /** The sessions that ended in [from, to), which must lie within one local day; in pile order. */
    public List<ChargingOrder> orders(Instant from, Instant to) {
        long[] w = window(from, to);
        List<ChargingOrder> orders = new ArrayList<>();
        for (SimPile p : pileArray) {
            generate(p, w[0] - 1, prev);
            generate(p, w[0], cur);
            collectOrders(p, w[0], w[1], w[2], orders);
        }
        return orders;
    }

    /** The status changes the platforms saw in [from, to), which must lie within one local day; by time then pile. */
    public List<PileStatusChange> statusChanges(Instant from, Instant to) {
        long[] w = window(from, to);
        List<PileStatusChange> changes = new ArrayList<>();
        for (int i = 0; i < pileArray.length; i++) {
            generate(pileArray[i], w[0] - 1, prev);
            generate(pileArray[i], w[0], cur);
            collectChanges(i, w[0], w[1], w[2], changes);
        }
        changes.sort(Comparator.comparing(PileStatusChange::changedAt).thenComparing(c -> c.pileId().value()));
        return changes;
    }

    /** The local day of an instant. */
    public LocalDate localDay(Instant t) {
        return LocalDate.ofEpochDay(Math.floorDiv(localSeconds(t), DAY));
    }

    /** The instant a local day starts. */
    public Instant dayStart(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    // ---- time ----

    private long localSeconds(Instant t) {
        return t.getEpochSecond() + zone.getRules().getOffset(t).getTotalSeconds();
    }

    private long[] window(Instant from, Instant to) {
        long f = localSeconds(from);
        long day = Math.floorDiv(f, DAY);
        long fromSec = f - day * DAY;
        long toSec = fromSec + (to.getEpochSecond() - from.getEpochSecond());
        if (toSec < fromSec || toSec > DAY) {
            throw new IllegalArgumentException("a window within one local day: " + from + " – " + to);
        }
        return new long[] {day, fromSec, toSec};
    }

    private Instant instant(long epochDay, long secondOfDay) {
        return dayStart(LocalDate.ofEpochDay(epochDay)).plusSeconds(secondOfDay);
    }

    private static boolean weekend(long epochDay) {
        // 1970-01-01 was a Thursday: Monday = 0.
        return Math.floorMod(epochDay + 3, 7) >= 5;
    }

    private static boolean overlaps(long s1, long e1, long s2, long e2) {
        return s1 < e2 && s2 < e1;
    }

    private static long roundDiv(long x, long d) {
        return (x + d / 2) / d;
    }

    // ---- session generation ----

    private void generate(SimPile p, long day, Sessions out) {
        out.clear();
        boolean weekend = weekend(day);
        SplitMix r = rng.reseed(SplitMix.seed(seed, p.key(), day, 0));
        switch (p.profile()) {
            case HOME_OVERNIGHT -> home(p, weekend, r, out);
            case PUBLIC_DAYTIME -> publicDay(p, weekend, r, out);
            case FLEET_DEPOT -> fleet(p, weekend, r, out);
            default -> throw new IllegalStateException("unknown profile " + p.profile());
        }
        if (outages.pileFault() > 0) {
            if (fault(p, day)) {
                out.removeOverlapping(fault[0], fault[1]);
            }
            if (fault(p, day + 1)) {
                out.removeOverlapping(fault[0] + DAY, fault[1] + DAY);
            }
        }
    }

    private static long vehicleW(SimPile p, SplitMix r) {
        return switch (p.type()) {
            case AC -> r.nextDouble() < 0.6 ? 7_000 : 11_000;
            case DC -> r.between(50_000, 150_001);
            case V2G -> r.between(7_000, 25_001);
            default -> 7_000;
        };
    }

    private static long power(SimPile p, SplitMix r, double lowShare) {
        double share = lowShare + (1 - lowShare) * r.nextDouble();
        return Math.max(1_000, (long) (Math.min(p.ratedW(), vehicleW(p, r)) * share));
    }

    private static void home(SimPile p, boolean weekend, SplitMix r, Sessions out) {
        if (r.nextDouble() >= (weekend ? 0.55 : 0.8)) {
            return;
        }
        long arrive = weekend ? r.between(16 * HOUR, 23 * HOUR) : r.between(18 * HOUR, 22 * HOUR);
        long depart = DAY + (weekend ? r.between(8 * HOUR, 10 * HOUR) : r.between(7 * HOUR, 8 * HOUR));
        long battery = r.between(40_000, 80_001);
        int soc = (int) r.between(15, 61);
        long power = power(p, r, 0.92);
        out.add(arrive, depart, power, battery * (100 - soc) / 100, battery, soc, ChargingUserType.PRIVATE, 1);
    }

    private void publicDay(SimPile p, boolean weekend, SplitMix r, Sessions out) {
        boolean fast = p.type() == PileType.DC;
        int n = fast ? (weekend ? 3 + r.nextInt(6) : 5 + r.nextInt(8)) : (weekend ? 1 + r.nextInt(2) : 1 + r.nextInt(3));
        for (int j = 0; j < n; j++) {
            double u = r.nextDouble();
            double h;
            if (u < 0.3) {
                h = (weekend ? 13.0 : 12.5) + 0.7 * r.nextGaussian();
            } else if (u < 0.65) {
                h = (weekend ? 17.0 : 18.5) + 1.2 * r.nextGaussian();
            } else {
                h = 7 + 16 * r.nextDouble();
            }
            startHours[j] = Math.max(7, Math.min(22.5, h));
        }
        Arrays.sort(startHours, 0, n);
        long prevEnd = 0;
        int seq = 0;
        for (int j = 0; j < n; j++) {
            long start = Math.max((long) (startHours[j] * HOUR), prevEnd + r.between(2 * MINUTE, 15 * MINUTE));
            long duration = fast ? r.between(20 * MINUTE, 60 * MINUTE + 1) : r.between(60 * MINUTE, 240 * MINUTE + 1);
            long end = start + duration;
            if (end > DAY - MINUTE) {
                break;
            }
            long battery = r.between(50_000, 90_001);
            int soc = (int) r.between(10, 51);
            long power = power(p, r, fast ? 0.6 : 0.92);
            ChargingUserType user = fast && r.nextDouble() < 0.2 ? ChargingUserType.TAXI : ChargingUserType.PUBLIC;
            out.add(start, end, power, battery * (95 - soc) / 100, battery, soc, user, ++seq);
            prevEnd = end;
        }
    }

    private static void fleet(SimPile p, boolean weekend, SplitMix r, Sessions out) {
        boolean bus = p.type() == PileType.DC;
        ChargingUserType user = bus ? ChargingUserType.BUS : ChargingUserType.FLEET;
        long battery = bus ? r.between(150_000, 300_001) : r.between(50_000, 80_001);
        if (r.nextDouble() < (weekend ? 0.3 : 0.8)) {
            long start = r.between(11 * HOUR, 13 * HOUR + 30 * MINUTE);
            long end = start + r.between(40 * MINUTE, 90 * MINUTE + 1);
            int soc = (int) r.between(30, 61);
            out.add(start, end, power(p, r, 0.85), battery * (90 - soc) / 100, battery, soc, user, 1);
        }
        if (r.nextDouble() < (weekend ? 0.85 : 0.97)) {
            long arrive = r.between(21 * HOUR, 23 * HOUR + 30 * MINUTE);
            long depart = DAY + r.between(5 * HOUR, 6 * HOUR);
            int soc = (int) r.between(20, 51);
            out.add(arrive, depart, power(p, r, 0.85), battery * (100 - soc) / 100, battery, soc, user, 2);
        }
    }

    // ---- outages ----

    private boolean fault(SimPile p, long day) {
        if (outages.pileFault() <= 0) {
            return false;
        }
        SplitMix r = rng.reseed(SplitMix.seed(seed, p.key(), day, 1));
        if (r.nextDouble() >= outages.pileFault()) {
            return false;
        }
        // On 5-minute boundaries, so that no interval holds both a session (removed) and a fault.
        fault[0] = r.between(0, 20 * 12) * INTERVAL;
        fault[1] = Math.min(DAY, fault[0] + r.between(12, 6 * 12 + 1) * INTERVAL);
        return true;
    }

    private boolean pileSilent(SimPile p, long day) {
        if (outages.pileSilent() <= 0) {
            return false;
        }
        SplitMix r = rng.reseed(SplitMix.seed(seed, p.key(), day, 2));
        if (r.nextDouble() >= outages.pileSilent()) {
            return false;
        }
        silent[0] = r.between(0, 23 * HOUR + 30 * MINUTE);
        silent[1] = Math.min(DAY, silent[0] + r.between(15 * MINUTE, 120 * MINUTE));
        silent[2] = r.nextBoolean() ? DataQuality.MISSING.ordinal() : IntervalFrame.ABSENT;
        return true;
    }

    private boolean platformSilent(long operatorKey, long day) {
        if (outages.platformSilent() <= 0) {
            return false;
        }
        SplitMix r = rng.reseed(SplitMix.seed(seed, operatorKey, day, 3));
        if (r.nextDouble() >= outages.platformSilent()) {
            return false;
        }
        platform[0] = r.between(0, 22 * HOUR + 30 * MINUTE);
        platform[1] = platform[0] + r.between(30 * MINUTE, 90 * MINUTE);
        return true;
    }

    private byte quality(SimPile p, long day, long a, boolean platformOff) {
        if (platformOff) {
            return IntervalFrame.ABSENT;
        }
        if (pileSilent(p, day) && overlaps(silent[0], silent[1], a, a + INTERVAL)) {
            return (byte) silent[2];
        }
        return (byte) DataQuality.OK.ordinal();
    }

    // ---- evaluation ----

    /** Evaluates the interval [a, a + 300) of the current day from {@link #prev} and {@link #cur}. */
    private void evaluate(long a, boolean faulted) {
        evalAvg = 0;
        evalMax = 0;
        evalSoc = -1;
        boolean connected = false;
        for (int pass = 0; pass < 2; pass++) {
            Sessions s = pass == 0 ? prev : cur;
            long off = pass == 0 ? -DAY : 0;
            for (int j = 0; j < s.n; j++) {
                long st = s.start[j] + off;
                long en = s.end[j] + off;
                if (en <= a || st >= a + INTERVAL) {
                    continue;
                }
                connected = true;
                long fu = s.full[j] + off;
                long ov = Math.min(fu, a + INTERVAL) - Math.max(st, a);
                if (ov > 0) {
                    evalAvg += contribution(s.powerW[j], ov);
                    evalMax = Math.max(evalMax, s.powerW[j]);
                }
                long t = Math.min(a + INTERVAL, en);
                long delivered = s.powerW[j] * (Math.min(t, fu) - st) / HOUR;
                evalSoc = (int) Math.min(100, s.startSoc[j] + delivered * 100 / s.batteryWh[j]);
            }
        }
        ConnectorStatus status;
        if (faulted) {
            status = ConnectorStatus.FAULTED;
        } else if (evalAvg > 0) {
            status = ConnectorStatus.CHARGING;
        } else if (connected) {
            status = ConnectorStatus.SUSPENDED;
        } else {
            status = ConnectorStatus.AVAILABLE;
        }
        evalStatus = status.ordinal();
        if (!connected) {
            evalSoc = -1;
        }
    }

    private static long contribution(long powerW, long seconds) {
        return (powerW * seconds + INTERVAL / 2) / INTERVAL;
    }

    private ConnectorStatus statusAt(long t, boolean faulted) {
        if (faulted) {
            return ConnectorStatus.FAULTED;
        }
        for (int pass = 0; pass < 2; pass++) {
            Sessions s = pass == 0 ? prev : cur;
            long off = pass == 0 ? -DAY : 0;
            for (int j = 0; j < s.n; j++) {
                if (s.start[j] + off <= t && t < s.end[j] + off) {
                    return t < s.full[j] + off ? ConnectorStatus.CHARGING : ConnectorStatus.SUSPENDED;
                }
            }
        }
        return ConnectorStatus.AVAILABLE;
    }

    private void collectOrders(SimPile p, long day, long from, long to, List<ChargingOrder> sink) {
        for (int pass = 0; pass < 2; pass++) {
            Sessions s = pass == 0 ? prev : cur;
            long genDay = pass == 0 ? day - 1 : day;
            long off = pass == 0 ? -DAY : 0;
            for (int j = 0; j < s.n; j++) {
                long en = s.end[j] + off;
                if (en >= from && en < to) {
                    sink.add(order(p, genDay, s, j));
                }
            }
        }
    }

    private ChargingOrder order(SimPile p, long genDay, Sessions s, int j) {
        long st = s.start[j];
        long fu = s.full[j];
        long sumW = 0;
        long feeWFen = 0;
        int month = LocalDate.ofEpochDay(genDay).getMonthValue();
        int nextMonth = LocalDate.ofEpochDay(genDay + 1).getMonthValue();
        for (long k = st / INTERVAL; k * INTERVAL < fu; k++) {
            long ov = Math.min(fu, (k + 1) * INTERVAL) - Math.max(st, k * INTERVAL);
            long w = contribution(s.powerW[j], ov);
            int minute = (int) (k % INTERVALS_PER_DAY) * 5;
            TouTariff.Period period = TouTariff.period(k < INTERVALS_PER_DAY ? month : nextMonth, minute);
            sumW += w;
            feeWFen += w * tariff.fenPerKwh(period);
        }
        long wh = roundDiv(sumW, 12);
        long energyFen = roundDiv(feeWFen, 12_000);
        ChargingUserType user = USER_TYPES[s.user[j]];
        long serviceFen = roundDiv(wh * TouTariff.serviceFenPerKwh(user), 1_000);
        String sessionId = p.pileId().value() + "-" + LocalDate.ofEpochDay(genDay).format(BASIC) + "-" + s.seq[j];
        return new ChargingOrder(sessionId, p.pileId(), CONNECTOR, instant(genDay, st), instant(genDay, s.end[j]),
                BigDecimal.valueOf(wh, 3), BigDecimal.valueOf(energyFen, 2), BigDecimal.valueOf(serviceFen, 2),
                BigDecimal.valueOf(energyFen + serviceFen, 2), user);
    }

    private void collectChanges(int i, long day, long from, long to, List<PileStatusChange> sink) {
        SimPile p = pileArray[i];
        boolean platformOff = platformSilent(operatorKeys[i], day);
        long ps = platform[0];
        long pe = platform[1];
        boolean pileOff = pileSilent(p, day);
        long ss = silent[0];
        long se = silent[1];
        boolean faulted = fault(p, day);
        long fs = fault[0];
        long fe = fault[1];
        List<PileStatusChange> own = new ArrayList<>(4);
        for (int pass = 0; pass < 2; pass++) {
            Sessions s = pass == 0 ? prev : cur;
            long off = pass == 0 ? -DAY : 0;
            for (int j = 0; j < s.n; j++) {
                long st = s.start[j] + off;
                long fu = s.full[j] + off;
                long en = s.end[j] + off;
                add(own, p, day, st, ConnectorStatus.CHARGING, from, to);
                if (fu < en) {
                    add(own, p, day, fu, ConnectorStatus.SUSPENDED, from, to);
                }
                add(own, p, day, en, ConnectorStatus.AVAILABLE, from, to);
            }
        }
        if (faulted) {
            add(own, p, day, fs, ConnectorStatus.FAULTED, from, to);
            add(own, p, day, fe, ConnectorStatus.AVAILABLE, from, to);
        }
        if (pileOff) {
            own.removeIf(c -> inWindow(c, day, ss, se));
            add(own, p, day, ss, ConnectorStatus.OFFLINE, from, to);
            add(own, p, day, se, statusAt(se, faulted && fs <= se && se < fe), from, to);
        }
        if (platformOff) {
            own.removeIf(c -> inWindow(c, day, ps, pe));
        }
        sink.addAll(own);
    }

    private boolean inWindow(PileStatusChange c, long day, long from, long to) {
        long t = c.changedAt().getEpochSecond() - dayStart(LocalDate.ofEpochDay(day)).getEpochSecond();
        return t >= from && t < to;
    }

    private void add(List<PileStatusChange> sink, SimPile p, long day, long t, ConnectorStatus status, long from, long to) {
        if (t >= from && t < to && t >= 0 && t < DAY) {
            sink.add(new PileStatusChange(p.pileId(), CONNECTOR, status, instant(day, t)));
        }
    }

    /** The sessions of one pile-day, column-wise; times in seconds from the day's local midnight (may pass 86,400). */
    static final class Sessions {

        static final int CAPACITY = 24;

        int n;
        final long[] start = new long[CAPACITY];
        final long[] full = new long[CAPACITY];
        final long[] end = new long[CAPACITY];
        final long[] powerW = new long[CAPACITY];
        final long[] batteryWh = new long[CAPACITY];
        final int[] startSoc = new int[CAPACITY];
        final byte[] user = new byte[CAPACITY];
        final int[] seq = new int[CAPACITY];

        void clear() {
            n = 0;
        }

        /** A session charging at powerW from start until energyWh is delivered (then full) or the vehicle leaves. */
        void add(long from, long to, long power, long energyWh, long battery, int soc, ChargingUserType userType, int number) {
            if (n == CAPACITY || energyWh <= 0) {
                return;
            }
            start[n] = from;
            end[n] = to;
            powerW[n] = power;
            full[n] = Math.min(to, from + Math.max(1, (energyWh * HOUR + power - 1) / power));
            batteryWh[n] = battery;
            startSoc[n] = soc;
            user[n] = (byte) userType.ordinal();
            seq[n] = number;
            n++;
        }

        void removeOverlapping(long from, long to) {
            int w = 0;
            for (int j = 0; j < n; j++) {
                if (overlaps(start[j], end[j], from, to)) {
                    continue;
                }
                start[w] = start[j];
                full[w] = full[j];
                end[w] = end[j];
                powerW[w] = powerW[j];
                batteryWh[w] = batteryWh[j];
                startSoc[w] = startSoc[j];
                user[w] = user[j];
                seq[w] = seq[j];
                w++;
            }
            n = w;
        }
    }
}
