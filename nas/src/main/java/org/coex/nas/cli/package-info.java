/** The {@code coex nas} subcommands; only this package sees picocli in the nas module. */
package org.coex.nas.cli;
