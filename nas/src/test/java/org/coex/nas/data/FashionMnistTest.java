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
        FashionMnist.Data d = FashionMnist.load(null);
        assertEquals(60_000, d.train().count());
        assertEquals(10_000, d.test().count());
        assertEquals(28, d.train().rows());
        int[] perClass = new int[10];
        for (int i = 0; i < d.train().count(); i++) perClass[d.train().label(i)]++;
        for (int c : perClass) assertEquals(6_000, c);
        double[] ms = d.train().meanStd();
        assertEquals(0.286, ms[0], 0.001);   // published Fashion-MNIST statistics: mean 0.2860, std 0.3530
        assertEquals(0.353, ms[1], 0.001);
    }
}
