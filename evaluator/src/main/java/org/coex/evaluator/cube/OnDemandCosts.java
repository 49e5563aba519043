package org.coex.evaluator.cube;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.nas.space.CostTerms;
import org.coex.nas.space.SearchSpace;

/**
 * Costs for design spaces too large to enumerate: a configuration's {@link ConfigRow} is computed
 * with accel-model the first time it is asked for and kept (about 16 bytes per cost term per
 * configuration visited). A refused configuration throws every time it is asked for.
 */
public final class OnDemandCosts implements ConfigCosts {
    /** Grid indices are ints: larger spaces cannot be labelled. */
    public static final long MAX_CONFIGS = Integer.MAX_VALUE;

    private final CostCube.Key key;
    private final CostTerms terms;
    private final AcceleratorTemplate template;
    private final TechnologyTable technology;
    private final Map<Integer, ConfigRow> rows = new ConcurrentHashMap<>();

    public OnDemandCosts(SearchSpace space, AcceleratorTemplate template, DesignSpace designSpace, TechnologyTable technology, String technologyName) {
        if (designSpace.size() > MAX_CONFIGS) {
            throw new IllegalArgumentException("the design space has " + designSpace.size() + " configurations; at most " + MAX_CONFIGS + " can be indexed, so narrow it");
        }
        this.key = CostCubeBuilder.key(space, template, designSpace, technologyName);
        this.terms = space.costTerms();
        this.template = template;
        this.technology = technology;
    }

    @Override public CostCube.Key key() { return key; }

    @Override public CostTerms terms() { return terms; }

    @Override public int configCount() { return (int) key.designSpace().size(); }

    @Override public ConfigRow row(int c) {
        if (c < 0 || c >= configCount()) throw new IndexOutOfBoundsException("configuration " + c + " outside 0.." + (configCount() - 1));
        ConfigRow known = rows.get(c);
        if (known != null) return known;
        ConfigRow r = ConfigRow.of(terms, template.configure(key.designSpace().point(c), technology));
        rows.putIfAbsent(c, r);
        return r;
    }

    /** Configurations costed so far. */
    public int computed() { return rows.size(); }
}
