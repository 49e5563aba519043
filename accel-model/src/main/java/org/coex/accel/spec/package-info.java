/**
 * A user's input and its mistakes: {@link org.coex.accel.spec.YamlDocument} (YAML/JSON with the line of
 * every key), {@link org.coex.accel.spec.SpecNode} (typed, checked access that collects every problem),
 * {@link org.coex.accel.spec.Problem} and {@link org.coex.accel.spec.SpecException} (all problems at
 * once; the command line prints one line each and exits 2).
 * <p>Used by every reader of user files, in this module and above. Depends only on Jackson.
 */
package org.coex.accel.spec;
