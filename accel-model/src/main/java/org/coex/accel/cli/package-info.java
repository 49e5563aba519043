/**
 * accel-model's subcommands of {@code coex}: {@code sweep}, {@code scalesim}, {@code cost},
 * {@code networks}. The root command lives in the {@code dance} module and gathers them.
 * <p>Each command only parses, calls a front door and prints; picocli is used nowhere else in this module.
 */
package org.coex.accel.cli;
