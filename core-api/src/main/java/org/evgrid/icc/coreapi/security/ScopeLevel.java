package org.evgrid.icc.coreapi.security;

/** Levels of the business data-scope hierarchy: headquarters ⊃ province ⊃ city ⊃ work area (R-8.2d). */
public enum ScopeLevel {
    HEADQUARTERS,
    PROVINCE,
    CITY,
    WORK_AREA
}
