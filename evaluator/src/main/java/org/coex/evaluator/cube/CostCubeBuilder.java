package org.coex.evaluator.cube;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.nas.space.CostTerms;
import org.coex.nas.space.SearchSpace;

/** Computes a {@link CostCube} with accel-model: one {@link ConfigRow} per configuration of the design space, in parallel. */
public final class CostCubeBuilder {
    /** Above this many configurations the cube is too big to enumerate; use {@link OnDemandCosts} instead. */
    public static final long MAX_CONFIGS = 200_000;

    private CostCubeBuilder() {}

    /** @throws IllegalArgumentException if the design space has more than {@link #MAX_CONFIGS} points */
    public static CostCube build(SearchSpace space, AcceleratorTemplate template, DesignSpace designSpace, TechnologyTable technology,
                                 String technologyName, ProgressListener progress) {
        long n = designSpace.size();
        if (n > MAX_CONFIGS) {
            throw new IllegalArgumentException("the design space has " + n + " configurations; a cost cube enumerates at most " + MAX_CONFIGS
                    + " (larger spaces are costed on demand)");
        }
        ConfigRow[] rows = new ConfigRow[(int) n];
        CostTerms terms = space.costTerms();
        AtomicLong done = new AtomicLong();
        IntStream.range(0, rows.length).parallel().forEach(c -> {
            rows[c] = ConfigRow.of(terms, template.configure(designSpace.point(c), technology));
            progress.progress(done.incrementAndGet(), rows.length);
        });
        return new CostCube(key(space, template, designSpace, technologyName), terms, java.util.List.of(rows));
    }

    /** A cube when the design space has at most {@link #MAX_CONFIGS} points, else costs computed on demand. */
    public static ConfigCosts costs(SearchSpace space, AcceleratorTemplate template, DesignSpace designSpace, TechnologyTable technology,
                                    String technologyName, ProgressListener progress) {
        if (designSpace.size() > MAX_CONFIGS) return new OnDemandCosts(space, template, designSpace, technology, technologyName);
        return build(space, template, designSpace, technology, technologyName, progress);
    }

    static CostCube.Key key(SearchSpace space, AcceleratorTemplate template, DesignSpace designSpace, String technologyName) {
        return new CostCube.Key(space.fingerprint(), space.encoding(), template.name(), technologyName, designSpace);
    }
}
