/** What a search asks of hardware cost: the differentiable {@link org.coex.evaluator.api.Evaluator} and its exact analytic implementation. */
package org.coex.evaluator.api;
