package org.coex.nas.cli;

import org.coex.accel.spec.SpecException;
import org.coex.nas.data.DataSpec;
import picocli.CommandLine.Option;

/**
 * {@code --resize H,W} for commands that read data without a spec (a picocli mixin): the data block's
 * {@code resize}, so that a network searched on resized images is retrained and described on them.
 */
public final class ResizeOption {
    @Option(names = "--resize", paramLabel = "H,W",
            description = "resample every image to H x W pixels, as a spec's data block's resize (search spaces take square inputs)")
    String size;

    /** Gives {@code data} the size asked for, if any. @throws SpecException naming the option when it is not two sizes >= 1 */
    public void applyTo(DataOption data) {
        if (size == null) return;
        String[] parts = size.split(",");
        if (parts.length != 2 || !parts[0].trim().matches("[1-9][0-9]{0,4}") || !parts[1].trim().matches("[1-9][0-9]{0,4}")) {
            throw SpecException.option("--resize", "give height and width in pixels, both >= 1, e.g. --resize 32,32 (found '" + size + "')");
        }
        data.resize(new DataSpec.Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())));
    }
}
