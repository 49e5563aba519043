package org.coex.accel.template.systolic;

import java.util.List;
import org.coex.accel.tech.SramPoint;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;

/** Shared builders for systolic tests. */
final class SystolicFixtures {
    private SystolicFixtures() {}

    static SystolicAccelerator array(int rows, int cols, Dataflow df, double ifKb, double fKb, double ofKb,
                                     double dramWordsPerCycle, boolean compat) {
        return new SystolicAccelerator(new SystolicParams(rows, cols, df, ifKb, fKb, ofKb, dramWordsPerCycle, 1000, 1, compat),
                TechnologyTables.preset("accelergy-45nm"));
    }

    static SystolicAccelerator array(int rows, int cols, Dataflow df) {
        return array(rows, cols, df, 1024, 1024, 1024, 0, false);
    }

    /** A table where every action costs 1 pJ per 8-bit word and every unit of area 1 um^2, SRAMs of any size alike. */
    static TechnologyTable unitTable() {
        return new TechnologyTable("unit", "test", 8, 8, 1, 1, 1, 1, 0, 1, TechnologyTable.Interpolation.LINEAR,
                List.of(new SramPoint(1, 1, 1, 1), new SramPoint(1 << 30, 1, 1, 1 << 30)));
    }
}
