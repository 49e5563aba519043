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
 * Convolutions use same padding (k / 2).
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

    /** Every searchable layer with its shapes and candidates (skip last, where legal). */
    public List<SearchableLayer> layers() {
        List<SearchableLayer> out = new ArrayList<>();
        int channels = stemChannels;
        int size = stemOutSize();
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            for (int i = 0; i < st.layers(); i++) {
                int stride = i == 0 ? st.firstStride() : 1;
                List<Op> candidates = new ArrayList<>(mbconvs());
                if (skip && stride == 1 && channels == st.channels()) candidates.add(Op.SKIP);
                SearchableLayer l = new SearchableLayer(out.size(), s, channels, st.channels(), stride, size, candidates);
                out.add(l);
                channels = st.channels();
                size = l.outSize();
            }
        }
        return out;
    }

    /** The accel-model layers that do not depend on the architecture: stem, head and classifier. */
    public List<Layer> fixedLayers() {
        List<SearchableLayer> ls = layers();
        SearchableLayer last = ls.get(ls.size() - 1);
        return List.of(Layer.conv("stem", inputSize, inputSize, inputChannels, stemChannels, stemKernel, stemStride, stemKernel / 2),
                Layer.pointwise("head", last.outSize(), last.outSize(), last.outChannels(), headChannels),
                Layer.fullyConnected("classifier", headChannels, classes));
    }

    /** MACs of the fixed parts. */
    public long fixedMacs() { return fixedLayers().stream().mapToLong(Layer::macs).sum(); }

    /** Expected MACs under per-layer op probabilities (encoding layout): fixed + sum of p * MACs(op). */
    public double expectedMacs(double[] probabilities) {
        ArchEncoding e = encoding();
        double total = fixedMacs();
        List<SearchableLayer> ls = layers();
        for (int i = 0; i < ls.size(); i++) {
            for (int j = 0; j < ls.get(i).candidates().size(); j++) total += probabilities[e.offset(i) + j] * ls.get(i).macs(ls.get(i).candidates().get(j));
        }
        return total;
    }

    /** The vector layout of per-layer op probabilities; the contract with the evaluator. */
    public ArchEncoding encoding() {
        return new ArchEncoding(layers().stream().map(l -> l.candidates().size()).toList(), fingerprint());
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
