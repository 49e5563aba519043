/** {@code coex evaluator generate | train}. */
package org.coex.evaluator.cli;
