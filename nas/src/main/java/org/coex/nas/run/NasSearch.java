package org.coex.nas.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.nas.data.DataSets;
import org.coex.nas.data.Dataset;
import org.coex.nas.data.ImageSet;
import org.coex.nas.data.Normalization;
import org.coex.nas.hw.CostTable;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.ArchitectureJson;
import org.coex.nas.train.Batches;
import org.coex.nas.train.EpochStats;
import org.coex.nas.train.SearchTrainer;

/**
 * Front door of a supernet search run: data, split, trainer (new, or resumed from
 * {@code <output>/checkpoint}), per epoch a line of {@code log.jsonl} and a checkpoint, at the end
 * {@code architecture.json} (the argmax architecture).
 */
public final class NasSearch {
    private NasSearch() {}

    /** The outcome: every epoch's statistics and the derived architecture. */
    public record Result(List<EpochStats> epochs, Architecture architecture, Path output) {}

    /** The batches a search trains weights on and architecture parameters on. */
    public record Split(Batches train, Batches validation, Normalization normalization) {
        /** The spec's split of the training images (seeded), normalized with the weight-training part's per-channel statistics. */
        public static Split of(NasSpec spec) {
            Dataset data = DataSets.load(spec.data());
            ImageSet[] split = DataSets.split(data.train(), spec.validationSize(), spec.config().seed());
            ImageSet train = split[0].first(spec.trainLimit());
            Normalization norm = train.normalization();
            return new Split(new Batches(train, spec.config().batchSize(), norm, spec.config().cropPadding(), spec.config().flip()),
                    new Batches(split[1], spec.config().batchSize(), norm, 0, false), norm);
        }
    }

    /**
     * @param resume continue from the output's checkpoint (starting over, with a notice, when there is none)
     * @param force  delete a run already in the output folder first (else such a folder is refused; {@link RunFolder})
     * @param say    one-line notices
     */
    public static Result run(NasSpec spec, boolean resume, boolean force, Consumer<String> say, Consumer<EpochStats> onEpoch, ProgressListener progress)
            throws IOException {
        Split batches = Split.of(spec);   // before the folder is touched: bad data leaves nothing behind
        resume = RunFolder.prepare(spec.output(), resume, force, spec.settings(), say);
        Batches trainBatches = batches.train();
        Batches valBatches = batches.validation();
        Path checkpoint = spec.output().resolve("checkpoint");
        Path log = spec.output().resolve("log.jsonl");
        List<EpochStats> all = new ArrayList<>();
        try (SearchTrainer t = resume && SearchTrainer.hasCheckpoint(checkpoint)
                ? SearchTrainer.resume(spec.space(), spec.config(), checkpoint) : new SearchTrainer(spec.space(), spec.config())) {
            Files.createDirectories(spec.output());   // after the supernet exists: a space too large for memory leaves no folder
            keepLogUpTo(log, t.epoch());
            CostTable table = spec.hardware() == null ? null
                    : CostTable.build(spec.space(), spec.hardware().accelerator(), spec.hardware().metric());
            if (table != null) t.useCostTable(table);
            while (t.epoch() < spec.config().epochs()) {
                EpochStats e = t.runEpoch(trainBatches, valBatches, progress);
                double expectedMacs = spec.space().expectedMacs(t.supernet().probabilities());
                double expectedCost = table == null ? Double.NaN : t.expectedCost();
                double derivedCost = table == null ? Double.NaN : table.of(e.architecture(), spec.space());
                Files.writeString(log, jsonLine(e, expectedMacs, expectedCost, derivedCost), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                t.checkpoint(checkpoint, RunFolder.settingsFile(spec.settings()));
                all.add(e);
                onEpoch.accept(e);
            }
            Architecture derived = t.supernet().derive();
            OutputDirectory.writeAtomically(spec.output().resolve("result"), Map.of("architecture.json", ArchitectureJson.write(derived, spec.space())));
            return new Result(all, derived, spec.output());
        }
    }

    /** On resume, drops log lines of epochs the checkpoint does not include. */
    public static void keepLogUpTo(Path log, int epochs) throws IOException {
        if (!Files.exists(log)) return;
        JsonLines.read(log);   // a damaged log is refused, naming its line, before anything is cut
        List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, Math.min(epochs, lines.size())));
    }

    static String jsonLine(EpochStats e, double expectedMacs, double expectedCost, double derivedCost) throws IOException {
        Map<String, Object> m = e.logFields();
        m.put("expected_macs", expectedMacs);
        if (!Double.isNaN(expectedCost)) {
            m.put("expected_cost", expectedCost);
            m.put("derived_cost", derivedCost);
        }
        m.put("seconds", e.seconds());
        return new ObjectMapper().writeValueAsString(m) + "\n";
    }
}
