package org.coex.dance.loop;

import java.util.Locale;
import java.util.Optional;
import org.coex.nas.space.Architecture;

/**
 * The network a hard-constrained search returns. HDX judges the argmax network before every
 * architecture step, but each step still moves alpha, so the argmax after the last step can sit on
 * the far side of a limit the search was holding (the argmax flips back and forth across a binding
 * limit while cross-entropy pulls one way and the projection the other). The answer is therefore:
 * <ol>
 *   <li>the final argmax network, when the pair the search would return for it meets every limit;</li>
 *   <li>otherwise the latest network an architecture step judged within every limit;</li>
 *   <li>otherwise the final argmax network: no step saw a feasible network, and the truth check says
 *       by how much each limit is missed.</li>
 * </ol>
 * Limits here are the bounds themselves, not HDX's margin targets.
 *
 * @param judgement  the returned network as HDX judges it (its pair's metrics are what the run reports as predicted)
 * @param finalNetwork the argmax network after the last step (the same network in cases 1 and 3)
 * @param epoch      for case 2, the epoch of the step that judged it; else -1
 * @param step       for case 2, that step's index within its epoch; else -1
 */
public record ReturnedNetwork(CoExploration.Judgement judgement, CoExploration.Judgement finalNetwork, int epoch, int step) {

    /** A network an architecture step judged within every limit, with where the step was. */
    public record SeenWithinLimits(Architecture network, int epoch, int step) {}

    /**
     * @param latestWithinLimits the latest step's network that met every limit, if any step did
     */
    public static ReturnedNetwork choose(CoExploration co, Architecture finalArgmax, Optional<SeenWithinLimits> latestWithinLimits) {
        CoExploration.Judgement last = co.judge(finalArgmax);
        if (last.withinLimits() || latestWithinLimits.isEmpty()) return new ReturnedNetwork(last, last, -1, -1);
        SeenWithinLimits seen = latestWithinLimits.get();
        return new ReturnedNetwork(co.judge(seen.network()), last, seen.epoch(), seen.step());
    }

    /** Whether the returned network is not the final argmax one (case 2). */
    public boolean fellBack() { return epoch >= 0; }

    /** One sentence for the console and report.md. */
    public String describe() {
        if (!fellBack()) {
            return judgement.withinLimits() ? "the final argmax network (within every limit as searched)"
                    : "the final argmax network (no architecture step saw a network within every limit)";
        }
        return String.format(Locale.ROOT, "the network judged at epoch %d, step %d (steps.jsonl: epoch %d, step %d), the latest within every limit: the final argmax network %s missed them",
                epoch + 1, step + 1, epoch, step, finalNetwork.network().label());
    }
}
