package org.coex.nas.cli;

import org.coex.accel.spec.SpecException;
import org.coex.nas.data.DataSpec;
import picocli.CommandLine.Option;

/**
 * {@code --resize H,W} for commands that read data without a spec (a picocli mixin): the data block's
 * {@code resize}, so that a network searched on resized images is retrained and described on them.
 */
public final class ResizeOption {
    @Option(names = "--resize", paramLabel = "H,W", split = ",",
            description = "resample every image to H x W pixels, as a spec's data block's resize (search spaces take square inputs)")
    int[] size;

    /** Gives {@code data} the size asked for, if any. @throws SpecException naming the option when it is not two sizes >= 1 */
    public void applyTo(DataOption data) {
        if (size == null) return;
        if (size.length != 2 || size[0] < 1 || size[1] < 1) {
            throw SpecException.option("--resize", "give height and width in pixels, both >= 1, e.g. --resize 32,32");
        }
        data.resize(new DataSpec.Size(size[0], size[1]));
    }
}
