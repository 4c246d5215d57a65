/**
 * Query handlers the center uses to plan, watch and report (issue 4): allocation inputs, interval actuals against a
 * dispatch schedule, demand response baselines and the basis of a bid. They keep no read model of their own: they read
 * the archive, telemetry, declaration and forecast read models and the schedule store, by {@code _id} only.
 */
package org.evgrid.icc.query.planning;
