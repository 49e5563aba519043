package org.coex.nas.data;

import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images of 28 x 28, 10 classes,
 * as installed by Debian's {@code dataset-fashion-mnist} package: the data coex reads by default.
 */
public final class FashionMnist {
    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;
    /** Appended to "not found" when the default folder is missing. */
    static final String INSTALL_HINT = "; Fashion-MNIST is not installed: 'sudo apt-get install dataset-fashion-mnist',"
            + " or give your own data with --data DIR";

    private FashionMnist() {}
}
