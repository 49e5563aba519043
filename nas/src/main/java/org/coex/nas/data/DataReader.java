package org.coex.nas.data;

/**
 * One file layout. {@link #probe} reads headers and labels only (cheap, for checking a spec before
 * a run starts); {@link #load} reads the pixels. Both throw
 * {@link org.coex.accel.spec.SpecException} naming the file (and byte offset or image) at fault.
 */
interface DataReader {
    /** Shape, counts and classes, as stored (before any resize). */
    DataShape probe();

    /** Every image, as stored; {@code probed} is what {@link #probe} returned (counts and class names). */
    Dataset load(DataShape probed);

    /** What was found, for the one line a run prints ("CIFAR-10 binary batches in DIR"). */
    String what();
}
