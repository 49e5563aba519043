package org.coex.nas.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;

/**
 * The supernet of a {@link SearchSpace}: its {@link SpaceNet} frame with one {@link MixedOp} per
 * searchable layer and one {@link WidthChoice} per stage whose width is searched. Architecture
 * parameters: their alphas ({@link #choices()}, in the {@link ArchEncoding}'s block order);
 * everything else is a weight.
 */
public final class Supernet extends SpaceNet {
    private final List<MixedOp> mixed;
    private final List<WidthChoice> widths;

    public Supernet(SearchSpace space, PathSampler sampler) {
        this(space, sampler, widthChoices(space, sampler));
    }

    private Supernet(SearchSpace space, PathSampler sampler, WidthChoice[] byStage) {
        super(space, space.layers().stream().map(l -> new Pair<String, Block>("layer" + l.index(), mixedOp(l, sampler, byStage))).toList());
        this.mixed = body().stream().map(MixedOp.class::cast).toList();
        List<WidthChoice> w = new ArrayList<>();
        for (WidthChoice c : byStage) if (c != null) w.add(addChildBlock("stage" + c.stage() + "_width", c));
        this.widths = List.copyOf(w);
    }

    private static WidthChoice[] widthChoices(SearchSpace space, PathSampler sampler) {
        WidthChoice[] out = new WidthChoice[space.stages().size()];
        for (int s = 0; s < out.length; s++) {
            if (space.stages().get(s).searchableWidth()) out[s] = new WidthChoice(s, space.stages().get(s).widths(), sampler);
        }
        return out;
    }

    private static MixedOp mixedOp(SearchableLayer l, PathSampler sampler, WidthChoice[] byStage) {
        return new MixedOp(l, sampler, l.inStage() < 0 ? null : byStage[l.inStage()], byStage[l.stage()]);
    }

    public List<MixedOp> mixedOps() { return mixed; }

    /** Every architecture block: the mixed ops, then the width choices; the encoding's block order. */
    public List<ArchitectureChoice> choices() {
        List<ArchitectureChoice> out = new ArrayList<>(mixed);
        out.addAll(widths);
        return out;
    }

    @Override protected void beforeBody(ParameterStore ps, NDManager scope, boolean training) {
        for (WidthChoice w : widths) w.draw(ps, scope, training);
    }

    @Override protected void initializeOthers(NDManager manager, DataType dataType) {
        for (WidthChoice w : widths) w.initialize(manager, dataType, new Shape(1));
    }

    /** softmax(alpha) of every block, in the {@link ArchEncoding} layout. */
    public double[] probabilities() {
        ArchEncoding e = space.encoding();
        double[] out = new double[e.length()];
        List<ArchitectureChoice> blocks = choices();
        for (int b = 0; b < blocks.size(); b++) {
            double[] p = ChoiceDraw.softmax(blocks.get(b).alpha().getArray().toFloatArray());
            System.arraycopy(p, 0, out, e.blockOffset(b), p.length);
        }
        return out;
    }

    /**
     * Makes every forward pass run {@code arch}'s ops at its widths alone, on the weights the supernet
     * trained (ProxylessNAS's derived network before retraining), until the returned handle is closed.
     */
    public Fixed fixTo(Architecture arch) {
        arch.validate(space);
        for (int i = 0; i < mixed.size(); i++) mixed.get(i).fix(arch.choices().get(i));
        for (WidthChoice w : widths) w.fix(arch.width(w.stage()));
        return () -> choices().forEach(c -> c.fix(-1));
    }

    /** Closing it lets the sampler choose the paths again. */
    public interface Fixed extends AutoCloseable {
        @Override void close();
    }

    /** The most likely op of every layer and width of every stage. */
    public Architecture derive() { return space.encoding().argmax(probabilities()); }
}
