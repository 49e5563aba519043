package org.coex.accel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.coex.accel.interop.NetworkFiles;
import org.coex.accel.workload.Layer;
import org.coex.accel.workload.Network;
import org.coex.accel.workload.NetworkZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coex networks}: list the zoo, or show one network's layers. */
@Command(name = "networks", mixinStandardHelpOptions = true,
        header = "List the built-in networks, or print the layers of one.",
        footer = {"", "Examples:", "  coex networks", "  coex networks resnet18", "  coex networks examples/tiny-cnn.yaml"},
        description = "List the built-in networks, or print the layers of one (built-in or file).")
public final class NetworksCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NETWORK", description = "a built-in name or a .yaml/.json/.csv file")
    String network;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (network == null) {
            for (String n : NetworkZoo.names()) {
                Network net = NetworkZoo.byName(n).orElseThrow();
                out.printf("%-12s %3d layers  %,15d MACs  %,12d weights%n", n, net.layers().size(), net.macs(), net.weightCount());
            }
            return 0;
        }
        Network net = NetworkFiles.resolve(network, null);
        out.printf("%-28s %-16s %-10s %-8s %-6s %-6s %15s%n", "layer", "input HxWxC", "output", "kernel", "stride", "groups", "MACs");
        for (Layer l : net.layers()) {
            out.printf("%-28s %-16s %-10s %-8s %-6s %-6d %,15d%n", l.name(), l.inH() + "x" + l.inW() + "x" + l.inC(),
                    l.outH() + "x" + l.outW() + "x" + l.outC(), l.kernelH() + "x" + l.kernelW(),
                    l.strideH() + "x" + l.strideW(), l.groups(), l.macs());
        }
        out.printf("%s: %d layers, %,d MACs, %,d weights%n", net.name(), net.layers().size(), net.macs(), net.weightCount());
        return 0;
    }
}
