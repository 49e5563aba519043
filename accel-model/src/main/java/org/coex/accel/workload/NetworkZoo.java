package org.coex.accel.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Built-in networks with their published layer shapes at ImageNet resolution (batch 1).
 * MAC totals: AlexNet 724 M (227x227 input, two-group conv2/4/5 as in Krizhevsky et al. 2012),
 * VGG-16 15.47 G, ResNet-18 1.81 G, ResNet-50 4.09 G (v1.5, stride on the 3x3), MobileNetV2 300 M.
 */
public final class NetworkZoo {
    private static final Map<String, Supplier<Network>> NETWORKS = new LinkedHashMap<>();

    static {
        NETWORKS.put("alexnet", NetworkZoo::alexnet);
        NETWORKS.put("vgg16", NetworkZoo::vgg16);
        NETWORKS.put("resnet18", NetworkZoo::resnet18);
        NETWORKS.put("resnet50", NetworkZoo::resnet50);
        NETWORKS.put("mobilenetv2", NetworkZoo::mobilenetV2);
    }

    private NetworkZoo() {}

    /** Names of the built-in networks, in a fixed order. */
    public static List<String> names() { return List.copyOf(NETWORKS.keySet()); }

    /** The built-in network of that name (case-insensitive, '-' and '_' ignored), if any. */
    public static Optional<Network> byName(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        Supplier<Network> s = NETWORKS.get(key);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    static Network alexnet() {
        ShapeChain c = new ShapeChain("alexnet", 227, 227, 3);
        c.conv("conv1", 96, 11, 4, 0).pool(3, 2, 0);
        c.conv("conv2", 256, 5, 1, 2, 2).pool(3, 2, 0);
        c.conv("conv3", 384, 3, 1, 1);
        c.conv("conv4", 384, 3, 1, 1, 2);
        c.conv("conv5", 256, 3, 1, 1, 2).pool(3, 2, 0);
        return c.fc("fc6", 4096).fc("fc7", 4096).fc("fc8", 1000).build();
    }

    static Network vgg16() {
        ShapeChain c = new ShapeChain("vgg16", 224, 224, 3);
        int[][] stages = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int s = 0; s < stages.length; s++) {
            for (int i = 0; i < stages[s][1]; i++) c.conv("conv" + (s + 1) + "_" + (i + 1), stages[s][0], 3, 1, 1);
            c.pool(2, 2, 0);
        }
        return c.fc("fc6", 4096).fc("fc7", 4096).fc("fc8", 1000).build();
    }

    static Network resnet18() {
        ShapeChain c = new ShapeChain("resnet18", 224, 224, 3);
        c.conv("conv1", 64, 7, 2, 3).pool(3, 2, 1);
        int[] planes = {64, 128, 256, 512};
        for (int s = 0; s < 4; s++) {
            for (int b = 0; b < 2; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String p = "layer" + (s + 1) + "." + b + ".";
                int inH = c.height(), inW = c.width(), inC = c.channels();
                c.conv(p + "conv1", planes[s], 3, stride, 1).conv(p + "conv2", planes[s], 3, 1, 1);
                if (stride != 1 || inC != planes[s]) {
                    c.branch(Layer.conv(p + "downsample", inH, inW, inC, planes[s], 1, stride, 0));
                }
            }
        }
        return c.globalPool().fc("fc", 1000).build();
    }

    static Network resnet50() {
        ShapeChain c = new ShapeChain("resnet50", 224, 224, 3);
        c.conv("conv1", 64, 7, 2, 3).pool(3, 2, 1);
        int[] planes = {64, 128, 256, 512};
        int[] blocks = {3, 4, 6, 3};
        for (int s = 0; s < 4; s++) {
            for (int b = 0; b < blocks[s]; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String p = "layer" + (s + 1) + "." + b + ".";
                int inH = c.height(), inW = c.width(), inC = c.channels();
                c.conv(p + "conv1", planes[s], 1, 1, 0)
                        .conv(p + "conv2", planes[s], 3, stride, 1)
                        .conv(p + "conv3", planes[s] * 4, 1, 1, 0);
                if (b == 0) c.branch(Layer.conv(p + "downsample", inH, inW, inC, planes[s] * 4, 1, stride, 0));
            }
        }
        return c.globalPool().fc("fc", 1000).build();
    }

    static Network mobilenetV2() {
        ShapeChain c = new ShapeChain("mobilenetv2", 224, 224, 3);
        c.conv("conv_stem", 32, 3, 2, 1);
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
                {6, 160, 3, 2}, {6, 320, 1, 1}};
        int block = 0;
        for (int[] st : settings) {
            for (int i = 0; i < st[2]; i++) {
                int stride = i == 0 ? st[3] : 1;
                String p = "block" + (++block) + ".";
                int hidden = c.channels() * st[0];
                if (st[0] != 1) c.conv(p + "expand", hidden, 1, 1, 0);
                c.conv(p + "depthwise", hidden, 3, stride, 1, hidden);
                c.conv(p + "project", st[1], 1, 1, 0);
            }
        }
        c.conv("conv_head", 1280, 1, 1, 0);
        return c.globalPool().fc("classifier", 1000).build();
    }
}
