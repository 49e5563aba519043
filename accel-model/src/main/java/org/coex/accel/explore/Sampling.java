package org.coex.accel.explore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.coex.accel.space.DesignSpace;

/** How a sweep picks points of a design space. Every method returns distinct grid indices in a fixed order. */
public enum Sampling {
    /** Every point, in grid order. */
    GRID,
    /** Points drawn uniformly (per parameter) from a seeded generator, duplicates dropped. */
    RANDOM,
    /** A Sobol low-discrepancy sequence (Commons Math), each coordinate u mapped to value floor(u * size). */
    SOBOL;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<Sampling> parse(String s) {
        for (Sampling m : values()) if (m.key().equalsIgnoreCase(s.strip())) return Optional.of(m);
        return Optional.empty();
    }

    /**
     * The grid indices to evaluate. For RANDOM and SOBOL, at most {@code samples} distinct points
     * (all of them when the space is smaller); draws stop after 20 * samples tries.
     */
    public List<Long> indices(DesignSpace space, long samples, long seed) {
        long size = space.size();
        if (this == GRID || samples >= size) return LongStream.range(0, size).boxed().toList();
        int dims = space.parameters().size();
        LinkedHashSet<Long> picked = new LinkedHashSet<>();
        int[] choice = new int[dims];
        SplittableRandom rng = new SplittableRandom(seed);
        SobolSequenceGenerator sobol = dims >= 1 && dims <= 1000 ? new SobolSequenceGenerator(dims) : null;
        if (sobol != null) sobol.skipTo((int) Math.floorMod(seed, 1024));
        for (long tries = 0; picked.size() < samples && tries < 20 * samples; tries++) {
            double[] u = this == SOBOL ? sobol.nextVector() : null;
            for (int j = 0; j < dims; j++) {
                int n = space.parameters().get(j).size();
                choice[j] = this == SOBOL ? Math.min(n - 1, (int) Math.floor(u[j] * n)) : rng.nextInt(n);
            }
            picked.add(index(space, choice));
        }
        return List.copyOf(picked);
    }

    static long index(DesignSpace space, int[] choice) {
        long idx = 0;
        for (int j = 0; j < choice.length; j++) idx = idx * space.parameters().get(j).size() + choice[j];
        return idx;
    }
}
