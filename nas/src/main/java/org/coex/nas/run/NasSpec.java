package org.coex.nas.run;

import java.nio.file.Path;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.train.SearchConfig;

/**
 * A validated {@code coex nas search} spec: the space, the data (folder, validation size, an
 * optional cap on training images for quick runs), the search settings, the output folder, and
 * (for the hardware-aware baseline) the fixed accelerator, or null.
 */
public record NasSpec(String source, SearchSpace space, Path dataDir, int validationSize, int trainLimit, SearchConfig config,
                      Path output, HardwareTarget hardware) {

    /** This spec reading the data from another folder. */
    public NasSpec withDataDir(Path dir) {
        return new NasSpec(source, space, dir, validationSize, trainLimit, config, output, hardware);
    }
}
