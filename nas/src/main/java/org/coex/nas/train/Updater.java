package org.coex.nas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first-order optimizer whose whole state (moments, step count) is NDArrays it owns, so that a
 * checkpoint can save and restore it exactly. Scalars enter the arithmetic as float (a Java double
 * would make DJL create float64 tensors and promote the float32 parameters); temporaries are closed. Call order: {@code step}* (after each backward pass),
 * {@code state} / {@code restore} between steps.
 */
public abstract sealed class Updater permits Updater.SgdMomentum, Updater.Adam {
    protected final NDManager manager;
    protected final Map<String, NDArray[]> state = new LinkedHashMap<>();
    protected long steps;

    protected Updater(NDManager manager) { this.manager = manager; }

    /** Updates every parameter from its gradient at learning rate {@code lr}, then clears the gradient ({@link #clear}). */
    public final void step(List<Parameter> params, double lr) {
        steps++;
        for (Parameter p : params) {
            NDArray w = p.getArray();
            try (NDArray g = w.getGradient(); NDManager scope = manager.newSubManager()) {
                NDArray[] s = state.computeIfAbsent(p.getId(), k -> slots(w));
                update(w, g, s, lr, scope);
                clear(g);
            }
        }
    }

    /**
     * Sets a gradient buffer to exactly zero in place. Multiplying by 0 would not: a NaN or infinite
     * entry (an overflow in a step whose gradient is thrown away) stays NaN and poisons the next step.
     * Not {@code set(index, 0f)} either: DJL leaves the scalar it makes of the 0 in the gradient's
     * manager, the model's, so every call leaked an array for the length of the run.
     */
    public static void clear(NDArray gradient) {
        try (NDArray zero = gradient.getManager().zeros(new Shape(), gradient.getDataType())) {
            gradient.set(new NDIndex("..."), zero);
        }
    }

    /** The parameters of a block that train (BatchNorm statistics do not), with gradients switched on. */
    public static List<Parameter> trainable(ai.djl.util.PairList<String, Parameter> params) {
        List<Parameter> out = new java.util.ArrayList<>();
        for (ai.djl.util.Pair<String, Parameter> p : params) {
            if (!p.getValue().requiresGradient()) continue;
            p.getValue().getArray().setRequiresGradient(true);
            out.add(p.getValue());
        }
        return out;
    }

    protected abstract NDArray[] slots(NDArray like);

    protected abstract void update(NDArray w, NDArray g, NDArray[] slots, double lr, NDManager scope);

    /** The state as a list: step count, then each parameter's slots in insertion order. */
    public NDList state(List<Parameter> params) {
        NDList out = new NDList();
        out.add(manager.create(new long[] {steps}));
        for (Parameter p : params) {
            NDArray[] s = state.computeIfAbsent(p.getId(), k -> slots(p.getArray()));
            for (NDArray a : s) out.add(a);
        }
        return out;
    }

    public void restore(List<Parameter> params, NDList saved) {
        steps = saved.get(0).getLong();
        int k = 1;
        state.clear();
        for (Parameter p : params) {
            NDArray[] s = slots(p.getArray());
            // an indexed copy into PyTorch's storage, not set(float[]), which would hang the state on a Java-held buffer
            for (int i = 0; i < s.length; i++) s[i].set(new ai.djl.ndarray.index.NDIndex("..."), saved.get(k++));
            state.put(p.getId(), s);
        }
    }

    /** SGD with momentum mu and weight decay wd: v = mu v + g + wd w; w -= lr v. */
    public static final class SgdMomentum extends Updater {
        private final double momentum;
        private final double weightDecay;

        public SgdMomentum(NDManager manager, double momentum, double weightDecay) {
            super(manager);
            this.momentum = momentum;
            this.weightDecay = weightDecay;
        }

        @Override protected NDArray[] slots(NDArray like) { return new NDArray[] {manager.zeros(like.getShape())}; }

        @Override protected void update(NDArray w, NDArray g, NDArray[] s, double lr, NDManager scope) {
            NDArray v = s[0];
            try (NDArray decay = w.mul((float) weightDecay)) {
                v.muli((float) momentum).addi(g).addi(decay);
            }
            try (NDArray delta = v.mul((float) lr)) {
                w.subi(delta);
            }
        }
    }

    /** Adam (Kingma and Ba): m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr m^ / (sqrt(v^) + eps). */
    public static final class Adam extends Updater {
        private final double beta1;
        private final double beta2;
        private final double eps;

        public Adam(NDManager manager, double beta1, double beta2, double eps) {
            super(manager);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
        }

        @Override protected NDArray[] slots(NDArray like) {
            return new NDArray[] {manager.zeros(like.getShape()), manager.zeros(like.getShape())};
        }

        @Override protected void update(NDArray w, NDArray g, NDArray[] s, double lr, NDManager scope) {
            try (NDArray g1 = g.mul((float) (1 - beta1)); NDArray g2 = g.square(); NDArray g2s = g2.mul((float) (1 - beta2))) {
                s[0].muli((float) beta1).addi(g1);
                s[1].muli((float) beta2).addi(g2s);
            }
            float c1 = (float) (1 - Math.pow(beta1, steps));
            float c2 = (float) (1 - Math.pow(beta2, steps));
            try (NDArray mHat = s[0].div(c1); NDArray vHat = s[1].div(c2); NDArray root = vHat.sqrt(); NDArray denom = root.add((float) eps);
                 NDArray ratio = mHat.div(denom); NDArray delta = ratio.mul((float) lr)) {
                w.subi(delta);
            }
        }
    }
}
