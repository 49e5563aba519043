/**
 * The {@code coex} command line: {@link org.coex.dance.cli.CoexCommand} gathers the subcommands of all
 * modules (today accel-model's {@code sweep}, {@code scalesim}, {@code cost}, {@code networks}) and
 * maps a user's mistakes to one {@code error:} line each and exit status 2.
 */
package org.coex.dance.cli;
