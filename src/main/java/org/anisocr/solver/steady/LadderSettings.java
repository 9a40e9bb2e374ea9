package org.anisocr.solver.steady;

/** [solver.ladder]: the paper's dt ladder; dt in Myr, tolerance on the relative change per step. */
public record LadderSettings(double dtMaxMyr, double dtMinMyr, double factor, int stepsPerRung, double tolerance,
                             int checkEvery, int maxSteps) {}
