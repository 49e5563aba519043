package org.coex.nas.retrain;

import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.space.SearchableLayer;
import org.coex.nas.supernet.MbConvBlock;
import org.coex.nas.supernet.SpaceNet;

/**
 * The standalone network of a derived architecture: the space's {@link SpaceNet} frame with the
 * chosen MBConv of every searchable layer at the chosen widths (skips dropped), freshly initialized.
 * Its layers are exactly those of {@link Architecture#toNetwork}.
 */
public final class DerivedNet extends SpaceNet {
    public DerivedNet(SearchSpace space, Architecture architecture) {
        super(space, body(space, architecture));
    }

    private static List<Pair<String, Block>> body(SearchSpace space, Architecture architecture) {
        List<Op> ops = architecture.ops(space);
        List<Pair<String, Block>> body = new ArrayList<>();
        for (SearchableLayer l : space.layers()) {
            Op op = ops.get(l.index());
            if (op.isSkip()) continue;
            body.add(new Pair<>("layer" + l.index(), new MbConvBlock(architecture.inChannels(space, l),
                    architecture.outChannels(space, l), op.kernel(), op.expansion(), l.stride(), l.residual())));
        }
        return body;
    }
}
