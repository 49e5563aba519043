/**
 * Design spaces: named discrete hardware parameters ({@link org.coex.accel.space.Parameter}), their
 * cartesian product ({@link org.coex.accel.space.DesignSpace}) and its points
 * ({@link org.coex.accel.space.HwConfig}).
 * <p>Pipeline: <b>space</b> -> {@code template} (a template declares its default space and reads
 * a config) -> {@code explore} (sweeps walk a space). Kept apart from both so neither depends on the
 * other. Values are plain Integer / Double / Boolean / String; units live in parameter names.
 */
package org.coex.accel.space;
