package org.evgrid.icc.query.archive.internal;

import java.util.Optional;
import java.util.function.Function;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * What of the archive a viewer may see (R-8.2d).
 * <ul>
 * <li>Administrators (any administrative role) and viewers without roles: nothing ({@code ICC-SCOPE-ADMIN},
 * {@code ICC-SCOPE-NO-ROLE}).</li>
 * <li>A viewer with an operator (operator platforms and operator staff): its own operator only. Single objects of
 * other operators are answered as not found; listings other than by its own operator or one of its own stations are
 * refused ({@code ICC-SCOPE-OPERATOR}), as are aggregation units.</li>
 * <li>A viewer whose data scope is below headquarters: piles and stations inside the scope; listings only by province,
 * city or district codes inside it; operators and units are refused ({@code ICC-SCOPE-REGION}).</li>
 * <li>Everyone else (headquarters business roles, regulators, auditors, the center's service, gateways; a missing scope
 * counts as headquarters): everything.</li>
 * </ul>
 */
public final class ArchiveAccess {

    private enum Reach { ALL, OPERATOR, REGION }

    private final Reach reach;
    private final String operatorId;
    private final DataScope scope;

    private ArchiveAccess(Reach reach, String operatorId, DataScope scope) {
        this.reach = reach;
        this.operatorId = operatorId;
        this.scope = scope;
    }

    /** The access of a viewer; refuses administrators and viewers without roles. */
    public static ArchiveAccess of(Viewer viewer) {
        if (viewer == null || viewer.roles() == null || viewer.roles().isEmpty()) {
            throw ArchiveErrors.viewerMissing();
        }
        if (viewer.roles().stream().anyMatch(role -> role == null || role.administrative())) {
            throw ArchiveErrors.administrator();
        }
        if (viewer.operatorId() != null) {
            return new ArchiveAccess(Reach.OPERATOR, viewer.operatorId().value(), null);
        }
        if (viewer.scope() != null && viewer.scope().level() != ScopeLevel.HEADQUARTERS) {
            return new ArchiveAccess(Reach.REGION, null, viewer.scope());
        }
        return new ArchiveAccess(Reach.ALL, null, DataScope.HEADQUARTERS);
    }

    /** Whether the viewer sees everything. */
    public boolean all() {
        return reach == Reach.ALL;
    }

    /** The viewer's own operator, if it is bound to one. */
    public Optional<String> ownOperator() {
        return Optional.ofNullable(operatorId);
    }

    /** Whether the viewer may see a single pile or station of this operator in this region. */
    public boolean sees(String objectOperatorId, Region region) {
        return switch (reach) {
            case ALL -> true;
            case OPERATOR -> operatorId.equals(objectOperatorId);
            case REGION -> region != null && scope.covers(region.provinceCode(), region.cityCode(), region.districtCode());
            default -> false;
        };
    }

    /** Whether the viewer may see a single operator; viewers limited to a region are refused. */
    public boolean seesOperator(String id) {
        if (reach == Reach.REGION) {
            throw ArchiveErrors.regionNotForArchive("operatorId");
        }
        return reach == Reach.ALL || operatorId.equals(id);
    }

    /** Refuses viewers that are limited to one operator or one region (used for aggregation units). */
    public void requireAll(String field) {
        if (reach == Reach.OPERATOR) {
            throw ArchiveErrors.otherOperator(field);
        }
        if (reach == Reach.REGION) {
            throw ArchiveErrors.regionNotForArchive(field);
        }
    }

    /**
     * Refuses a pile listing the viewer may not make.
     *
     * @param stationOperator the operator of a station, if the station exists
     */
    public void checkPileListing(PileDimension dimension, String key, Function<String, Optional<String>> stationOperator) {
        switch (reach) {
            case ALL -> {
                return;
            }
            case OPERATOR -> {
                boolean own = switch (dimension) {
                    case OPERATOR -> operatorId.equals(key);
                    case STATION -> stationOperator.apply(key).filter(operatorId::equals).isPresent();
                    default -> false;
                };
                if (!own) {
                    throw ArchiveErrors.otherOperator(dimension == PileDimension.OPERATOR || dimension == PileDimension.STATION
                            ? "key" : "dimension");
                }
            }
            case REGION -> {
                Region region = regionOfKey(dimension, key);
                if (region == null) {
                    throw ArchiveErrors.outsideRegion("dimension");
                }
                if (!scope.covers(region.provinceCode(), region.cityCode(), region.districtCode())) {
                    throw ArchiveErrors.outsideRegion("key");
                }
            }
            default -> throw new IllegalStateException("unknown reach " + reach);
        }
    }

    /**
     * The region a province, city or district key denotes, with its parents derived from the GB/T 2260 code (province
     * {@code xx0000}, city {@code xxxx00}); null for other dimensions. A key that is not a 6-digit code keeps only itself.
     */
    static Region regionOfKey(PileDimension dimension, String key) {
        return switch (dimension) {
            case PROVINCE -> new Region(key, null, null);
            case CITY -> new Region(parent(key, 2), key, null);
            case DISTRICT -> new Region(parent(key, 2), parent(key, 4), key);
            default -> null;
        };
    }

    private static String parent(String code, int digits) {
        if (code == null || !code.matches("\\d{6}")) {
            return null;
        }
        return code.substring(0, digits) + "0".repeat(6 - digits);
    }
}
