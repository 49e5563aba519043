package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;

/**
 * The supernet of a {@link SearchSpace}: stem convolution (BatchNorm, ReLU6), one {@link MixedOp} per
 * searchable layer, 1x1 head convolution (BatchNorm, ReLU6), global average pooling, a linear
 * classifier. Input NCHW, output logits [batch, classes]. Architecture parameters: each mixed op's
 * alpha; everything else is a weight.
 */
public final class Supernet extends AbstractBlock {
    private final SearchSpace space;
    private final Block stem;
    private final Block stemNorm;
    private final List<MixedOp> mixed = new ArrayList<>();
    private final Block head;
    private final Block headNorm;
    private final Block classifier;

    public Supernet(SearchSpace space, PathSampler sampler) {
        this.space = space;
        this.stem = addChildBlock("stem", MbConvBlock.conv(space.stemKernel(), space.stemStride(), space.stemChannels(), 1));
        this.stemNorm = addChildBlock("stem_bn", BatchNorm.builder().build());
        for (SearchableLayer l : space.layers()) mixed.add(addChildBlock("layer" + l.index(), new MixedOp(l, sampler)));
        this.head = addChildBlock("head", MbConvBlock.conv(1, 1, space.headChannels(), 1));
        this.headNorm = addChildBlock("head_bn", BatchNorm.builder().build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(space.classes()).build());
    }

    public SearchSpace space() { return space; }

    public List<MixedOp> mixedOps() { return List.copyOf(mixed); }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = MbConvBlock.relu6(stemNorm.forward(ps, stem.forward(ps, new NDList(x), training), training).singletonOrThrow());
        for (MixedOp m : mixed) x = m.forward(ps, new NDList(x), training).singletonOrThrow();
        x = MbConvBlock.relu6(headNorm.forward(ps, head.forward(ps, new NDList(x), training), training).singletonOrThrow());
        x = x.mean(new int[] {3}).mean(new int[] {2});   // global average pooling
        return classifier.forward(ps, new NDList(x), training);
    }

    @Override public Shape[] getOutputShapes(Shape[] in) { return new Shape[] {new Shape(in[0].get(0), space.classes())}; }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape s = in[0];
        stem.initialize(manager, dataType, s);
        Shape cur = new Shape(s.get(0), space.stemChannels(), space.stemOutSize(), space.stemOutSize());
        stemNorm.initialize(manager, dataType, cur);
        for (MixedOp m : mixed) {
            m.initialize(manager, dataType, cur);
            cur = m.getOutputShapes(new Shape[] {cur})[0];
        }
        head.initialize(manager, dataType, cur);
        Shape headOut = new Shape(cur.get(0), space.headChannels(), cur.get(2), cur.get(3));
        headNorm.initialize(manager, dataType, headOut);
        classifier.initialize(manager, dataType, new Shape(cur.get(0), space.headChannels()));
    }

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

    /** The most likely op of every layer. */
    public Architecture derive() { return space.encoding().argmax(probabilities()); }
}
