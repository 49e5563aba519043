/**
 * Technology tables: energy per action (pJ per word) and area (um<sup>2</sup>) of MACs, registers,
 * SRAMs by size and DRAM. Front door: {@link org.coex.accel.tech.TechnologyTables}.
 * <p>Pipeline: {@code template} asks a {@link org.coex.accel.tech.TechnologyTable} for the energy of
 * each access it counted. Presets are YAML resources built from published Accelergy / Eyeriss
 * figures ({@code shared/reference/energy-area.md}); users give their own table in the same layout.
 * Depends on nothing but {@code spec}.
 */
package org.coex.accel.tech;
