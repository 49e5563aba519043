/**
 * Running embarrassingly parallel jobs (sweep slices, evaluator label ranges, comparison runs) on a
 * cluster without depending on one: {@link org.coex.accel.cluster.ClusterTask} and
 * {@link org.coex.accel.cluster.TaskRunner} are all the commands see; the Spark implementation lives in
 * the separate {@code cluster} module and is found through {@link java.util.ServiceLoader}, so the plain
 * commands load no Spark class.
 */
package org.coex.accel.cluster;
