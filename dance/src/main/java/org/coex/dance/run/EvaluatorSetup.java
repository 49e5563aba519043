package org.coex.dance.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.dance.spec.SearchSpec;
import org.coex.evaluator.cube.ConfigCosts;
import org.coex.evaluator.data.CostDataset;
import org.coex.evaluator.data.Optima;
import org.coex.evaluator.net.EvaluatorFiles;
import org.coex.evaluator.net.LearnedEvaluator;
import org.coex.evaluator.report.Fidelity;
import org.coex.evaluator.report.FidelityReport;
import org.coex.evaluator.train.EvaluatorTrainer;

/**
 * The learned evaluator a spec names: loaded from its folder, or, when the folder holds none yet,
 * made there first as {@code coex evaluator generate} + {@code coex evaluator train} would (the spec's
 * number of samples, labelled with its objective and the limits its hardware choice honours; its epochs; hidden widths 256, 256,
 * 256 and the other training defaults), its fidelity report written beside it.
 */
final class EvaluatorSetup {
    static final int[] HIDDEN = {256, 256, 256};
    static final long SOLVER_BUDGET = 2_000;

    private EvaluatorSetup() {}

    static LearnedEvaluator learned(SearchSpec spec, ConfigCosts costs, Consumer<String> say) throws IOException {
        Path dir = Path.of(spec.evaluator().path());
        int samples = spec.evaluator().samples();
        if (Files.isRegularFile(dir.resolve("evaluator.json"))) return EvaluatorFiles.load(dir, costs.key());
        long seed = spec.search().config().seed();
        say.accept("no evaluator in " + dir + " yet: labelling " + samples + " samples and training one (coex evaluator generate + train)");
        long start = System.nanoTime();
        Optima optima = Optima.of(costs, spec.objective(), spec.choiceLimits(), SOLVER_BUDGET, seed);
        CostDataset d = CostDataset.generate(costs, optima, samples, seed, spec.objective(), spec.choiceLimits(), ProgressListener.NONE);
        var config = new EvaluatorTrainer.Config(spec.evaluator().epochs(), 512, 0.002, 0.1, seed, HIDDEN);
        int trained = EvaluatorTrainer.trainCount(d, config);
        try (LearnedEvaluator ev = EvaluatorTrainer.train(d, config, e -> { })) {
            Fidelity f = Fidelity.measure(ev, d, trained);
            Map<String, byte[]> files = new LinkedHashMap<>(EvaluatorFiles.files(ev, costs.key(), HIDDEN, trained));
            files.putAll(FidelityReport.files(f, null, costs.key().template() + " / " + spec.search().space().name()));
            OutputDirectory.writeAtomically(dir, files);
            say.accept(String.format(java.util.Locale.ROOT, "evaluator trained in %.0f s; fidelity on held-out samples:%n%s", (System.nanoTime() - start) / 1e9,
                    FidelityReport.markdownSummary(f).strip()));
        }
        return EvaluatorFiles.load(dir, costs.key());
    }
}
