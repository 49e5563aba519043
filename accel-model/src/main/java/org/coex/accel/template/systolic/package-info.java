/**
 * The built-in {@code systolic} template: SCALE-Sim v2 compatible systolic arrays.
 * Front door: {@link org.coex.accel.template.systolic.SystolicTemplate}; per-layer figures in
 * SCALE-Sim's terms come from {@link org.coex.accel.template.systolic.SystolicAccelerator#figures}.
 * <p>Model: {@code FoldPlan} (folds, cycles, SRAM counts, exactly SCALE-Sim's), {@code DramTraffic}
 * (coex's SRAM-capacity-dependent DRAM model), {@code ScaleSimArithmetic} (SCALE-Sim's float
 * arithmetic, bit for bit). Units: words (1 word = word_bytes bytes), cycles, kB = 1024 bytes.
 * See docs/cost-model.md for every formula and how we differ from SCALE-Sim outside compatibility mode.
 */
package org.coex.accel.template.systolic;
