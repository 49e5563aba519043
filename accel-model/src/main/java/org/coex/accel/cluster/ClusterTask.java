package org.coex.accel.cluster;

import java.io.Serializable;

/**
 * One piece of an embarrassingly parallel job, shipped to whichever machine runs it: it carries what
 * it needs (spec text, index range, output paths) and returns a small serializable result. Its
 * outcome must depend only on its own fields, so a retried task gives the same result.
 */
@FunctionalInterface
public interface ClusterTask<T extends Serializable> extends Serializable {
    T run() throws Exception;
}
