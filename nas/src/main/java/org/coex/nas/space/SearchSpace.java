package org.coex.nas.space;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.coex.accel.workload.Layer;

/**
 * A ProxylessNAS-style search space: a fixed stem convolution, stages of searchable layers (each
 * choosing one MBConv of the listed kernels x expansions, or skip where input and output shapes
 * agree, so depth is searched too), a fixed 1x1 head convolution, global pooling and a classifier.
 * A stage may also choose its width (output channels) from a list. Convolutions use same padding (k / 2).
 */
public record SearchSpace(String name, int inputChannels, int inputSize, int stemChannels, int stemKernel, int stemStride,
                          List<Stage> stages, List<Integer> kernels, List<Integer> expansions, boolean skip,
                          int headChannels, int classes) {

    public SearchSpace {
        stages = List.copyOf(stages);
        kernels = List.copyOf(kernels);
        expansions = List.copyOf(expansions);
        if (inputChannels < 1 || inputSize < 1 || stemChannels < 1 || stemKernel < 1 || stemStride < 1 || headChannels < 1 || classes < 1) {
            throw new IllegalArgumentException("input, stem, head and classes must be >= 1");
        }
        if (stages.isEmpty() || kernels.isEmpty() || expansions.isEmpty()) throw new IllegalArgumentException("stages, kernels and expansions must not be empty");
    }

    /** The built-in space for Fashion-MNIST on 2 CPU cores: stride-2 stem (maps 14, 7, 4, 2), 10 searchable layers, 6 MBConvs + skip. */
    public static SearchSpace fashionMnistDefault() {
        return new SearchSpace("fashion-mnist-default", 1, 28, 16, 3, 2,
                List.of(new Stage(24, 2, 2), new Stage(40, 3, 2), new Stage(80, 3, 2), new Stage(96, 2, 1)),
                List.of(3, 5, 7), List.of(3, 6), true, 160, 10);
    }

    /** MBConv candidates in a fixed order: kernel outer, expansion inner. */
    public List<Op> mbconvs() {
        List<Op> out = new ArrayList<>();
        for (int k : kernels) for (int e : expansions) out.add(Op.mbconv(k, e));
        return out;
    }

    /** Map size after the stem: ceil(input / stride). */
    public int stemOutSize() { return (inputSize + stemStride - 1) / stemStride; }

    /**
     * Every searchable layer with its shapes and candidates (skip last, where legal). A layer adds its
     * input back, and may be skipped, when its stride is 1 and its input and output widths are equal
     * whatever is chosen: inside a stage, or at a stage's first layer when both widths are fixed and equal.
     */
    public List<SearchableLayer> layers() {
        List<SearchableLayer> out = new ArrayList<>();
        List<Integer> inWidths = List.of(stemChannels);
        int inStage = -1;
        int size = stemOutSize();
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            for (int i = 0; i < st.layers(); i++) {
                int stride = i == 0 ? st.firstStride() : 1;
                boolean residual = stride == 1 && (inStage == s || inWidths.size() == 1 && inWidths.equals(st.widths()));
                List<Op> candidates = new ArrayList<>(mbconvs());
                if (skip && residual) candidates.add(Op.SKIP);
                SearchableLayer l = new SearchableLayer(out.size(), s, inStage, inWidths, st.widths(), stride, size, residual, candidates);
                out.add(l);
                inWidths = st.widths();
                inStage = s;
                size = l.outSize();
            }
        }
        return out;
    }

    /** Map size after the last stage. */
    public int finalSize() {
        List<SearchableLayer> ls = layers();
        return ls.get(ls.size() - 1).outSize();
    }

    /** The stem convolution. */
    public Layer stemLayer() {
        return Layer.conv("stem", inputSize, inputSize, inputChannels, stemChannels, stemKernel, stemStride, stemKernel / 2);
    }

    /** The 1x1 head convolution on the last stage's output of {@code inChannels} channels. */
    public Layer headLayer(int inChannels) {
        return Layer.pointwise("head", finalSize(), finalSize(), inChannels, headChannels);
    }

    /** The classifier. */
    public Layer classifierLayer() { return Layer.fullyConnected("classifier", headChannels, classes); }

    /** The network's cost as fixed layers plus probability-weighted terms. */
    public CostTerms costTerms() { return CostTerms.of(this); }

    /** Expected MACs under independent choices with probabilities p (encoding layout): fixed + sum of w_t(p) * MACs(t). */
    public double expectedMacs(double[] probabilities) {
        CostTerms terms = costTerms();
        double[] w = terms.weights(probabilities);
        double total = terms.fixedMacs();
        for (int t = 0; t < w.length; t++) total += w[t] * terms.terms().get(t).macs();
        return total;
    }

    /** Whether some stage's width is searched. */
    public boolean searchesWidth() { return stages.stream().anyMatch(Stage::searchableWidth); }

    /** The vector layout of per-layer op probabilities; the contract with the evaluator. */
    public ArchEncoding encoding() {
        return new ArchEncoding(layers().stream().map(l -> l.candidates().size()).toList(), stages.stream().map(st -> st.widths().size()).toList(), fingerprint());
    }

    /** SHA-256 (hex, first 16 characters) of the space's full description: equal spaces, equal fingerprints. */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
