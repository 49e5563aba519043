package org.coex.nas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real data set, where Debian's dataset-fashion-mnist is installed (skipped elsewhere). */
class FashionMnistTest {
    @Test
    void theDebianPackageHoldsSixtyThousandAndTenThousandBalancedImages() {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed");
        Dataset d = DataSets.load(DataSpec.defaults());
        assertEquals(60_000, d.train().count());
        assertEquals(10_000, d.test().count());
        assertEquals(28, d.train().rows());
        int[] perClass = new int[10];
        for (int i = 0; i < d.train().count(); i++) perClass[d.train().label(i)]++;
        for (int c : perClass) assertEquals(6_000, c);
        Normalization n = d.train().normalization();
        assertEquals(0.286, n.mean()[0], 0.001);   // published Fashion-MNIST statistics: mean 0.2860, std 0.3530
        assertEquals(0.353, n.std()[0], 0.001);
        assertEquals(java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
    }
}
