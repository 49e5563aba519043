package org.coex.nas.supernet;

import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.List;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;

/**
 * The supernet of a {@link SearchSpace}: its {@link SpaceNet} frame with one {@link MixedOp} per
 * searchable layer. Architecture parameters: each mixed op's alpha; everything else is a weight.
 */
public final class Supernet extends SpaceNet {
    private final List<MixedOp> mixed;

    public Supernet(SearchSpace space, PathSampler sampler) {
        super(space, space.layers().stream().map(l -> new Pair<String, Block>("layer" + l.index(), new MixedOp(l, sampler))).toList());
        this.mixed = body().stream().map(MixedOp.class::cast).toList();
    }

    public List<MixedOp> mixedOps() { return mixed; }

    /** softmax(alpha) of every layer, in the {@link ArchEncoding} layout. */
    public double[] probabilities() {
        ArchEncoding e = space.encoding();
        double[] out = new double[e.length()];
        for (int i = 0; i < mixed.size(); i++) {
            double[] p = MixedOp.softmax(mixed.get(i).alpha().getArray().toFloatArray());
            System.arraycopy(p, 0, out, e.offset(i), p.length);
        }
        return out;
    }

    /**
     * Makes every forward pass run {@code arch}'s ops alone, on the weights the supernet trained
     * (ProxylessNAS's derived network before retraining), until the returned handle is closed.
     */
    public Fixed fixTo(Architecture arch) {
        arch.validate(space);
        for (int i = 0; i < mixed.size(); i++) mixed.get(i).fix(arch.choices().get(i));
        return () -> mixed.forEach(m -> m.fix(-1));
    }

    /** Closing it lets the sampler choose the paths again. */
    public interface Fixed extends AutoCloseable {
        @Override void close();
    }

    /** The most likely op of every layer. */
    public Architecture derive() { return space.encoding().argmax(probabilities()); }
}
