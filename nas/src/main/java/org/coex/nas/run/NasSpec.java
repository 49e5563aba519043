package org.coex.nas.run;

import java.nio.file.Path;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.train.SearchConfig;

/**
 * A validated {@code coex nas search} spec: the space, the data (folder, validation size, an
 * optional cap on training images for quick runs), the search settings and the output folder.
 */
public record NasSpec(String source, SearchSpace space, Path dataDir, int validationSize, int trainLimit, SearchConfig config,
                      Path output) {}
