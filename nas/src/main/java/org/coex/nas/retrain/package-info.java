/**
 * Retraining a derived architecture from scratch: {@link org.coex.nas.retrain.DerivedNet} (the
 * standalone DJL network, same layers as {@code Architecture.toNetwork}) and
 * {@link org.coex.nas.retrain.Retrainer} (SGD with momentum, cosine schedule, test accuracy).
 */
package org.coex.nas.retrain;
