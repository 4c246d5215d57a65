package org.evgrid.icc.infra.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationId;

/**
 * The demo world's master data, generated deterministically (fixed seed): three operators, two provinces (Jiangsu,
 * Zhejiang), four cities and dispatch areas, stations of about 25 piles, and ten aggregation units.
 */
final class DemoWorld {

    /** A demo operator with its unified social credit code (valid check character) and share of the piles. */
    record Operator(OperatorId id, String name, String creditCode, double share) {
    }

    /** A city with its districts, the dispatch area it belongs to, and its centre coordinates. */
    record City(String province, String city, List<String> districts, DispatchAreaId area, double lat, double lon) {
    }

    /** A demo station. */
    record Station(StationId id, OperatorId operator, String name, Region region, GeoPoint location, DispatchAreaId area) {
    }

    /** A demo aggregation unit. */
    record Unit(AggregationUnitId id, String name, DispatchAreaId area, String province) {
    }

    static final List<Operator> OPERATORS = List.of(
            new Operator(new OperatorId("OP-HDKC"), "华东快充科技有限公司", CreditCodes.withCheck("91320100MA1HDKC01"), 0.40),
            new Operator(new OperatorId("OP-JNNY"), "江南能源服务有限公司", CreditCodes.withCheck("91330100MA2JNNY02"), 0.36),
            new Operator(new OperatorId("OP-XDCD"), "星电充电网络有限公司", CreditCodes.withCheck("91320500MA3XDCD03"), 0.24));

    static final List<City> CITIES = List.of(
            new City("320000", "320100", List.of("320102", "320104", "320105", "320106"), new DispatchAreaId("DA-JS-NJ"), 32.06, 118.79),
            new City("320000", "320500", List.of("320505", "320506", "320507", "320508"), new DispatchAreaId("DA-JS-SZ"), 31.30, 120.58),
            new City("330000", "330100", List.of("330102", "330105", "330106", "330108"), new DispatchAreaId("DA-ZJ-HZ"), 30.27, 120.15),
            new City("330000", "330200", List.of("330203", "330205", "330206", "330212"), new DispatchAreaId("DA-ZJ-NB"), 29.87, 121.55));

    static final List<Unit> UNITS = List.of(
            new Unit(new AggregationUnitId("AU-JS-NJ-1"), "南京城区聚合单元一", new DispatchAreaId("DA-JS-NJ"), "320000"),
            new Unit(new AggregationUnitId("AU-JS-NJ-2"), "南京城区聚合单元二", new DispatchAreaId("DA-JS-NJ"), "320000"),
            new Unit(new AggregationUnitId("AU-JS-SZ-1"), "苏州工业园聚合单元", new DispatchAreaId("DA-JS-SZ"), "320000"),
            new Unit(new AggregationUnitId("AU-JS-SZ-2"), "苏州姑苏聚合单元", new DispatchAreaId("DA-JS-SZ"), "320000"),
            new Unit(new AggregationUnitId("AU-JS-SZ-3"), "苏州吴中聚合单元", new DispatchAreaId("DA-JS-SZ"), "320000"),
            new Unit(new AggregationUnitId("AU-ZJ-HZ-1"), "杭州西湖聚合单元", new DispatchAreaId("DA-ZJ-HZ"), "330000"),
            new Unit(new AggregationUnitId("AU-ZJ-HZ-2"), "杭州滨江聚合单元", new DispatchAreaId("DA-ZJ-HZ"), "330000"),
            new Unit(new AggregationUnitId("AU-ZJ-NB-1"), "宁波海曙聚合单元", new DispatchAreaId("DA-ZJ-NB"), "330000"),
            new Unit(new AggregationUnitId("AU-ZJ-NB-2"), "宁波江北聚合单元", new DispatchAreaId("DA-ZJ-NB"), "330000"),
            new Unit(new AggregationUnitId("AU-ZJ-NB-3"), "宁波鄞州聚合单元", new DispatchAreaId("DA-ZJ-NB"), "330000"));

    private static final int PILES_PER_STATION = 25;

    private final List<Station> stations = new ArrayList<>();
    private final List<List<PileSpec>> pilesByOperator = new ArrayList<>();

    /** Builds a world of about {@code totalPiles} piles. */
    DemoWorld(int totalPiles) {
        Random random = new Random(20_261_126L);
        for (Operator op : OPERATORS) {
            List<PileSpec> piles = new ArrayList<>();
            int target = (int) Math.round(totalPiles * op.share());
            int stationNo = 0;
            while (piles.size() < target) {
                City city = CITIES.get(stationNo % CITIES.size());
                String district = city.districts().get(random.nextInt(city.districts().size()));
                StationId sid = new StationId(op.id().value() + "-ST" + String.format("%03d", ++stationNo));
                GeoPoint location = new GeoPoint(coordinate(city.lat(), random), coordinate(city.lon(), random));
                stations.add(new Station(sid, op.id(), op.name().substring(0, 4) + city.city() + "站" + stationNo,
                        new Region(city.province(), city.city(), district), location, city.area()));
                int count = Math.min(PILES_PER_STATION, target - piles.size());
                for (int i = 1; i <= count; i++) {
                    piles.add(pile(new PileId(sid.value() + "-P" + String.format("%02d", i)), sid, random));
                }
            }
            pilesByOperator.add(piles);
        }
    }

    private static BigDecimal coordinate(double centre, Random random) {
        return BigDecimal.valueOf(centre + (random.nextDouble() - 0.5) * 0.2).setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    private static PileSpec pile(PileId id, StationId station, Random random) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return new PileSpec(id, station, PileType.AC, new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1);
        }
        if (kind < 9) {
            BigDecimal rated = random.nextBoolean() ? new BigDecimal("60.000") : new BigDecimal("120.000");
            return new PileSpec(id, station, PileType.DC, rated, new BigDecimal("10.000"), BigDecimal.ZERO, 2);
        }
        return new PileSpec(id, station, PileType.V2G, new BigDecimal("20.000"), new BigDecimal("2.000"), new BigDecimal("20.000"), 1);
    }

    List<Station> stations() {
        return stations;
    }

    /** The piles of operator {@code index} in {@link #OPERATORS}. */
    List<PileSpec> piles(int index) {
        return pilesByOperator.get(index);
    }

    /** The dispatch area of a station. */
    DispatchAreaId areaOf(StationId station) {
        return stations.stream().filter(s -> s.id().equals(station)).findFirst().orElseThrow().area();
    }
}
