/** {@code coex evaluator generate | train | report}. */
package org.coex.evaluator.cli;
