/**
 * The DJL supernet: {@link org.coex.nas.supernet.Supernet} (stem, one
 * {@link org.coex.nas.supernet.MixedOp} per searchable layer with its alpha, head, classifier),
 * {@link org.coex.nas.supernet.MbConvBlock}, and the {@link org.coex.nas.supernet.PathSampler}
 * (Gumbel-softmax, ProxylessNAS binary gates, argmax). DJL's global seed is set only by
 * {@link org.coex.nas.supernet.DjlSeeds}. No NDArray leaves this package except as a Block parameter.
 */
package org.coex.nas.supernet;
