package org.coex.nas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.coex.nas.supernet.TorchScalars;
import org.junit.jupiter.api.Test;

class UpdaterTest {
    static Parameter param(NDManager m, String name, float... v) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(v));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    @Test
    void parametersThatSitOutAStepStayWhereThePlainRuleLeavesThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, "a", 1, 2);
            Parameter b = param(m, "b", 3, 4);
            Updater sgd = new Updater.SgdMomentum(m, 0, 0);
            for (int step = 0; step < 4; step++) {
                Parameter used = step % 2 == 0 ? a : b;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(TorchScalars.times(used.getArray(), 2).sum());   // gradient 2 for the used one, none for the other
                }
                sgd.step(List.of(a, b), 1.0);
            }
            assertArrayEquals(new float[] {-3, -2}, a.getArray().toFloatArray());
            assertArrayEquals(new float[] {-1, 0}, b.getArray().toFloatArray());
        }
    }

    @Test
    void clearingAGradientRemovesNaNAndInfinity() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, "a", 1, 2, 3);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(a.getArray().mul(m.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1})).sum());
            }
            try (NDArray g = a.getArray().getGradient()) {
                Updater.clear(g);
            }
            assertArrayEquals(new float[] {0, 0, 0}, a.getArray().getGradient().toFloatArray());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(TorchScalars.times(a.getArray(), 3).sum());
            }
            assertArrayEquals(new float[] {3, 3, 3}, a.getArray().getGradient().toFloatArray());   // the next step starts clean
        }
    }

    /** Each clear once left a Java-backed scalar in the model's manager: one array per parameter per step, for the whole run. */
    @Test
    void clearingAGradientLeavesNoArrayBehind() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, "a", 1, 2, 3);
            long before = directBuffersInUse();
            for (int i = 0; i < 2000; i++) {
                try (NDArray g = a.getArray().getGradient()) {
                    Updater.clear(g);
                }
            }
            assertTrue(directBuffersInUse() - before < 100, "direct buffers before " + before + ", after " + directBuffersInUse());
        }
    }

    /** Direct buffers the JVM still holds after a collection (those of live arrays; 4 bytes each for a scalar). */
    private static long directBuffersInUse() {
        System.gc();
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream().filter(b -> b.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getCount).sum();
    }
}
