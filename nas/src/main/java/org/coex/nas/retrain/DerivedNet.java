package org.coex.nas.retrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;
import org.coex.nas.supernet.MbConvBlock;

/**
 * The standalone network of a derived architecture: the space's stem, the chosen MBConv of every
 * searchable layer (skips dropped), head, global pooling and classifier, freshly initialized.
 * Its layers are exactly those of {@link Architecture#toNetwork}.
 */
public final class DerivedNet extends AbstractBlock {
    private final SearchSpace space;
    private final Block stem;
    private final Block stemNorm;
    private final List<Block> body = new ArrayList<>();
    private final List<SearchableLayer> bodyLayers = new ArrayList<>();
    private final Block head;
    private final Block headNorm;
    private final Block classifier;

    public DerivedNet(SearchSpace space, Architecture architecture) {
        this.space = space;
        List<Op> ops = architecture.ops(space);
        this.stem = addChildBlock("stem", conv(space.stemKernel(), space.stemStride(), space.stemChannels()));
        this.stemNorm = addChildBlock("stem_bn", BatchNorm.builder().build());
        List<SearchableLayer> layers = space.layers();
        for (int i = 0; i < layers.size(); i++) {
            Op op = ops.get(i);
            if (op.isSkip()) continue;
            SearchableLayer l = layers.get(i);
            body.add(addChildBlock("layer" + i, new MbConvBlock(l.inChannels(), l.outChannels(), op.kernel(), op.expansion(), l.stride())));
            bodyLayers.add(l);
        }
        this.head = addChildBlock("head", conv(1, 1, space.headChannels()));
        this.headNorm = addChildBlock("head_bn", BatchNorm.builder().build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(space.classes()).build());
    }

    private static Conv2d conv(int kernel, int stride, int filters) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(filters).optBias(false).build();
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = stemNorm.forward(ps, stem.forward(ps, new NDList(x), training), training).singletonOrThrow().clip(0, 6);
        for (Block b : body) x = b.forward(ps, new NDList(x), training).singletonOrThrow();
        x = headNorm.forward(ps, head.forward(ps, new NDList(x), training), training).singletonOrThrow().clip(0, 6);
        x = x.mean(new int[] {3}).mean(new int[] {2});
        return classifier.forward(ps, new NDList(x), training);
    }

    @Override public Shape[] getOutputShapes(Shape[] in) { return new Shape[] {new Shape(in[0].get(0), space.classes())}; }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape s = in[0];
        stem.initialize(manager, dataType, s);
        Shape cur = new Shape(s.get(0), space.stemChannels(), space.stemOutSize(), space.stemOutSize());
        stemNorm.initialize(manager, dataType, cur);
        for (int i = 0; i < body.size(); i++) {
            body.get(i).initialize(manager, dataType, cur);
            SearchableLayer l = bodyLayers.get(i);
            cur = new Shape(s.get(0), l.outChannels(), l.outSize(), l.outSize());
        }
        head.initialize(manager, dataType, cur);
        headNorm.initialize(manager, dataType, new Shape(cur.get(0), space.headChannels(), cur.get(2), cur.get(3)));
        classifier.initialize(manager, dataType, new Shape(cur.get(0), space.headChannels()));
    }
}
