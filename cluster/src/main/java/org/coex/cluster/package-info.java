/** coex on Apache Spark: the {@link org.coex.accel.cluster.TaskRunner} that the {@code --master} option of sweep, evaluator generate and compare opens. */
package org.coex.cluster;
