package org.coex.evaluator;

import java.util.List;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.evaluator.cube.CostCube;
import org.coex.evaluator.cube.CostCubeBuilder;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.Stage;

/** Small spaces for tests: cubes of them build in milliseconds. */
public final class TinyCubes {
    /** 12x12 input, stem 8, stages (8 x2 stride 1), (16 x2 stride 2): 4 searchable layers, 4 MBConvs + skip. */
    public static final SearchSpace SPACE = new SearchSpace("tiny", 1, 12, 8, 3, 1, List.of(new Stage(8, 2, 1), new Stage(16, 2, 2)),
            List.of(3, 5), List.of(1, 3), true, 32, 10);

    /**
     * 12x12 input, stem 8, stages ([8, 16] x2 stride 1), ([16, 24] x2 stride 2): the first layer reads
     * the fixed stem and chooses its output width, the third reads one choice and writes another.
     */
    public static final SearchSpace WIDTHS = new SearchSpace("tiny-widths", 1, 12, 8, 3, 1,
            List.of(new Stage(List.of(8, 16), 2, 1), new Stage(List.of(16, 24), 2, 2)), List.of(3, 5), List.of(1, 3), true, 32, 10);

    private TinyCubes() {}

    public static CostCube cube(SearchSpace space, AcceleratorTemplate t, DesignSpace ds) {
        return CostCubeBuilder.build(space, t, ds, TechnologyTables.preset(TechnologyTables.DEFAULT), TechnologyTables.DEFAULT, ProgressListener.NONE);
    }

    public static CostCube cube(AcceleratorTemplate t, DesignSpace ds) {
        return cube(SPACE, t, ds);
    }
}
