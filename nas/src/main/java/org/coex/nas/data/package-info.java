/**
 * Data for the search: IDX files ({@link org.coex.nas.data.IdxFiles}), Fashion-MNIST as Debian installs
 * it ({@link org.coex.nas.data.FashionMnist}), images in memory ({@link org.coex.nas.data.ImageSet}) and
 * the seeded split of the training images into weight-training and architecture-validation parts.
 * <p>Pipeline: files -> <b>data</b> -> batches for the supernet. No DJL here; pixels stay bytes.
 */
package org.coex.nas.data;
