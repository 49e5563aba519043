/** Fidelity of a learned evaluator against the analytic cost model on held-out samples: MAPE, Kendall's tau, regret; JSON, markdown, parity plots. */
package org.coex.evaluator.report;
