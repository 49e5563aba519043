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
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.SearchSpace;

/**
 * The frame every network of a {@link SearchSpace} shares: stem convolution (BatchNorm, ReLU6), a
 * body of blocks (mixed ops in the supernet, the chosen MBConvs in a derived network), 1x1 head
 * convolution (BatchNorm, ReLU6), global average pooling, a linear classifier. Input NCHW, output
 * logits [batch, classes]. The body runs on channels-last activations ({@link ChannelsLast}). Each
 * body block must report its output shape.
 */
public abstract class SpaceNet extends AbstractBlock {
    protected final SearchSpace space;
    private final Block stem;
    private final Block stemNorm;
    private final List<Block> body = new ArrayList<>();
    private final Block head;
    private final Block headNorm;
    private final Block classifier;

    /** @param body named body blocks, input to output */
    protected SpaceNet(SearchSpace space, List<Pair<String, Block>> body) {
        this.space = space;
        this.stem = addChildBlock("stem", MbConvBlock.conv(space.stemKernel(), space.stemStride(), space.stemChannels(), 1));
        this.stemNorm = addChildBlock("stem_bn", BatchNorm.builder().build());
        for (Pair<String, Block> b : body) this.body.add(addChildBlock(b.getKey(), b.getValue()));
        this.head = addChildBlock("head", MbConvBlock.conv(1, 1, space.headChannels(), 1));
        this.headNorm = addChildBlock("head_bn", BatchNorm.builder().build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(space.classes()).build());
    }

    public SearchSpace space() { return space; }

    protected List<Block> body() { return List.copyOf(body); }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = MbConvBlock.relu6(stemNorm.forward(ps, stem.forward(ps, new NDList(x), training), training).singletonOrThrow());
        x = ChannelsLast.of(x);   // the body's convolutions keep this layout and run faster in it
        beforeBody(ps, x.getManager(), training);
        for (Block b : body) x = b.forward(ps, new NDList(x), training).singletonOrThrow();
        x = MbConvBlock.relu6(headNorm.forward(ps, head.forward(ps, new NDList(x), training), training).singletonOrThrow());
        x = x.mean(new int[] {3}).mean(new int[] {2});   // global average pooling
        return classifier.forward(ps, new NDList(x), training);
    }

    /** Called once per forward pass before the body runs, with the step's manager (a supernet draws its widths here). */
    protected void beforeBody(ParameterStore ps, NDManager scope, boolean training) {}

    /** Initializes child blocks outside the stem-body-head chain (a supernet's width choices). */
    protected void initializeOthers(NDManager manager, DataType dataType) {}

    @Override public Shape[] getOutputShapes(Shape[] in) { return new Shape[] {new Shape(in[0].get(0), space.classes())}; }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape s = in[0];
        stem.initialize(manager, dataType, s);
        Shape cur = new Shape(s.get(0), space.stemChannels(), space.stemOutSize(), space.stemOutSize());
        stemNorm.initialize(manager, dataType, cur);
        for (Block b : body) {
            b.initialize(manager, dataType, cur);
            cur = b.getOutputShapes(new Shape[] {cur})[0];
        }
        head.initialize(manager, dataType, cur);
        headNorm.initialize(manager, dataType, new Shape(cur.get(0), space.headChannels(), cur.get(2), cur.get(3)));
        classifier.initialize(manager, dataType, new Shape(cur.get(0), space.headChannels()));
        initializeOthers(manager, dataType);
    }
}
