/**
 * Search runs: {@link org.coex.nas.run.NasSpecs} (YAML specs, built-in default) and
 * {@link org.coex.nas.run.NasSearch} (data, trainer, log.jsonl, checkpoints, resume, derived architecture).
 */
package org.coex.nas.run;
