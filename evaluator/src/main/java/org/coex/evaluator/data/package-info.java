/** Labelled datasets for the evaluator: sampled op-probability vectors x configurations, their true metrics and optimal configurations; .npy files + manifest. */
package org.coex.evaluator.data;
