package org.coex.accel.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.coex.accel.spec.SpecException;

/**
 * Front door of the Timeloop drop-in: Timeloop's input files in ({@link TimeloopInputs}), exactly
 * that mapping evaluated ({@link NestAnalysis}), {@code DIR/coex-timeloop.json} out ({@link TimeloopReport}).
 */
public final class Timeloop {
    public static final String REPORT = "coex-timeloop.json";

    private Timeloop() {}

    public record Run(TimeloopModel model, NestResult result, Path report) {}

    /**
     * @throws SpecException if the files have problems or the mapping is illegal for the architecture
     * @throws IOException   if the report cannot be written
     */
    public static Run run(List<Path> files, Path outDir) throws IOException {
        TimeloopModel m = TimeloopInputs.read(files);
        NestResult r = NestAnalysis.evaluate(m.problem(), m.architecture(), m.mapping());
        OutputDirectory.writeAtomically(outDir, Map.of(REPORT, TimeloopReport.json(m, r)));
        return new Run(m, r, outDir.resolve(REPORT));
    }
}
