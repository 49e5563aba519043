package org.coex.nas.supernet;

import ai.djl.engine.Engine;

/** DJL's engine seed is global: the one place it is set, at the start of each run. */
public final class DjlSeeds {
    private DjlSeeds() {}

    public static void apply(long seed) { Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32))); }
}
