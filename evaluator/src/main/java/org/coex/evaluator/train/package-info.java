/** Training the learned evaluator's two networks on a cost dataset. */
package org.coex.evaluator.train;
