package org.coex.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An MBConv (MobileNetV2 inverted residual): 1x1 expansion by e (none when e = 1), depthwise k x k at
 * the layer's stride (cut to the taps that can meet data on maps narrower than k: {@link SmallMapDepthwise}),
 * 1x1 projection; BatchNorm after each, ReLU6 after the first two; the input is added back when the
 * layer is residual (stride 1, equal widths). In a width-searching supernet the forward pass may carry
 * channel masks ({@link WidthChoice}): {@code hidden_mask} multiplies the expansion's and the
 * depthwise's activations, {@code out_mask} the projection's output, before the input is added back.
 */
public final class MbConvBlock extends AbstractBlock {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int expansion;
    private final int stride;
    private final boolean residual;
    private final Block expand;
    private final Block expandNorm;
    private final Block depthwise;
    private final Block depthwiseNorm;
    private final Block project;
    private final Block projectNorm;

    public MbConvBlock(int inChannels, int outChannels, int kernel, int expansion, int stride, boolean residual) {
        if (residual && (stride != 1 || inChannels != outChannels)) throw new IllegalArgumentException("a residual MBConv needs stride 1 and equal channels");
        this.residual = residual;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.expansion = expansion;
        this.stride = stride;
        int hidden = inChannels * expansion;
        this.expand = expansion == 1 ? null : addChildBlock("expand", conv(1, 1, hidden, 1));
        this.expandNorm = expansion == 1 ? null : addChildBlock("expand_bn", BatchNorm.builder().build());
        this.depthwise = addChildBlock("depthwise", conv(kernel, stride, hidden, hidden));
        this.depthwiseNorm = addChildBlock("depthwise_bn", BatchNorm.builder().build());
        this.project = addChildBlock("project", conv(1, 1, outChannels, 1));
        this.projectNorm = addChildBlock("project_bn", BatchNorm.builder().build());
    }

    static Conv2d conv(int kernel, int stride, int filters, int groups) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(filters).optGroups(groups).optBias(false).build();
    }

    static NDArray relu6(NDArray x) { return x.clip(0, 6); }

    /** The forward pass with channel masks (either may be null: no mask). */
    NDArray forward(ParameterStore ps, NDArray x, boolean training, NDArray hiddenMask, NDArray outMask) {
        PairList<String, Object> masks = new PairList<>();
        if (hiddenMask != null) masks.add("hidden_mask", hiddenMask);
        if (outMask != null) masks.add("out_mask", outMask);
        return forward(ps, new NDList(x), training, masks).singletonOrThrow();
    }

    @Override protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray hiddenMask = params == null ? null : (NDArray) params.get("hidden_mask");
        NDArray outMask = params == null ? null : (NDArray) params.get("out_mask");
        NDArray h = x;
        if (expand != null) h = masked(relu6(expandNorm.forward(ps, expand.forward(ps, new NDList(h), training), training).singletonOrThrow()), hiddenMask);
        h = masked(relu6(depthwiseNorm.forward(ps, new NDList(depthwise(ps, h, training)), training).singletonOrThrow()), hiddenMask);
        h = masked(projectNorm.forward(ps, project.forward(ps, new NDList(h), training), training).singletonOrThrow(), outMask);
        if (residual) h = h.add(x);
        return new NDList(h);
    }

    private static NDArray masked(NDArray x, NDArray mask) { return mask == null ? x : x.mul(mask); }

    private NDArray depthwise(ParameterStore ps, NDArray h, boolean training) {
        if (!SmallMapDepthwise.applies(kernel, stride, h.getShape())) {
            return depthwise.forward(ps, new NDList(h), training).singletonOrThrow();
        }
        return SmallMapDepthwise.forward(h, ps.getValue(depthwise.getParameters().get("weight"), h.getDevice(), training));
    }

    @Override public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), outChannels, (s.get(2) + stride - 1) / stride, (s.get(3) + stride - 1) / stride)};
    }

    @Override protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape s = in[0];
        long hidden = (long) inChannels * expansion;
        Shape hiddenShape = new Shape(s.get(0), hidden, s.get(2), s.get(3));
        if (expand != null) {
            expand.initialize(manager, dataType, s);
            expandNorm.initialize(manager, dataType, hiddenShape);
        }
        depthwise.initialize(manager, dataType, hiddenShape);
        Shape down = new Shape(s.get(0), hidden, (s.get(2) + stride - 1) / stride, (s.get(3) + stride - 1) / stride);
        depthwiseNorm.initialize(manager, dataType, down);
        project.initialize(manager, dataType, down);
        projectNorm.initialize(manager, dataType, getOutputShapes(in)[0]);
    }

    @Override public String toString() { return "MBConv(k" + kernel + ", e" + expansion + ", s" + stride + ")"; }
}
