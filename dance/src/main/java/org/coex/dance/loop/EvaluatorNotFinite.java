package org.coex.dance.loop;

/**
 * The evaluator gave a cost or a cost gradient that is not a finite number for the architecture the
 * search stands at: a learned evaluator that does this is damaged or far outside the data it was
 * trained on. The search stops here, as a diverging one does.
 */
public final class EvaluatorNotFinite extends RuntimeException {
    public EvaluatorNotFinite(String what, double value) {
        super("the evaluator's " + what + " is " + value + " for the architecture the search reached; a learned evaluator that does this is damaged "
                + "or far outside its training data: train it again (coex evaluator generate + train, or delete its folder for coex search to make one), "
                + "or use evaluator: analytic");
    }

    /** Throws unless {@code value} is finite. */
    static void check(String what, double value) {
        if (!Double.isFinite(value)) throw new EvaluatorNotFinite(what, value);
    }

    /** Throws unless every entry of {@code values} is finite. */
    static void check(String what, double[] values) {
        for (double v : values) check(what, v);
    }
}
