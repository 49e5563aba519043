package org.coex.nas.cli;

import java.nio.file.Path;
import org.coex.accel.spec.SpecException;
import org.coex.nas.data.DataSets;
import org.coex.nas.data.DataShape;
import org.coex.nas.data.DataSpec;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchSpaces;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR} (also {@code --data-dir}): the folder of the images a command trains or costs
 * on, in any format coex reads (a picocli mixin); it replaces a spec's data folder.
 */
public final class DataOption {
    @Option(names = {"--data", "--data-dir"}, paramLabel = "DIR",
            description = "folder of the images: IDX files, CIFAR binaries, train/<class>/ images or .npy arrays, format detected"
                    + " (docs/nas.md, \"Data\"); replaces a spec's data folder (default: the spec's, else Fashion-MNIST)")
    Path dir;

    private DataSpec.Size resize;

    /** Resamples every image to this size (a command's {@code --resize}); null keeps the files' size. */
    public void resize(DataSpec.Size size) { this.resize = size; }

    /** The folder given, or null. */
    public Path dir() { return dir; }

    /** The data given (auto-detected, every other setting default), or Fashion-MNIST. */
    public DataSpec spec() { return DataSpec.defaults().withPath(dir == null ? null : dir.toAbsolutePath().normalize()).withResize(resize); }

    /**
     * What the data holds, probed from the folder given; null without one (no file is read, so
     * commands that only cost networks work without the data installed).
     */
    public DataShape shape() {
        if (dir == null && resize == null) return null;
        DataShape s = DataSets.probe(spec()).shape();
        if (s.rows() != s.cols()) {
            throw SpecException.option(resize == null ? "--data" : "--resize", "the images are " + s.rows() + " x " + s.cols()
                    + "; coex's search spaces take square inputs: resample them with --resize n,n (nas train, nas space) or a spec's data.resize: [n, n]");
        }
        return s;
    }

    /**
     * The built-in space, or the one in {@code spaceFile}, shaped by the data given; without data a
     * space file stands as written, and {@code auto} and the built-in space mean Fashion-MNIST's shape.
     */
    public SearchSpace space(Path spaceFile) {
        DataShape given = shape();
        DataShape s = given == null ? SearchSpaces.FASHION_MNIST : given;
        return spaceFile == null ? SearchSpaces.builtIn(s) : SearchSpaces.load(spaceFile, given);
    }
}
