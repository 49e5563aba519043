package org.coex.nas.data;

import java.nio.file.Path;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;

/** The one-line error for a data file or folder at fault. */
final class DataErrors {
    private DataErrors() {}

    static SpecException at(Path where, String message) {
        return new SpecException(Problem.at(where, 0, "", message));
    }

    /** Labels must name at least two classes, and none below 0. */
    static void checkLabels(Path where, String split, int[] labels, int classLimit) {
        int first = labels.length == 0 ? -1 : labels[0];
        boolean two = false;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0 || l >= classLimit) {
                throw at(where, "label " + i + " of the " + split + " split is " + l + "; labels must lie in 0.." + (classLimit - 1));
            }
            two |= l != first;
        }
        if (labels.length > 0 && !two) {
            throw at(where, "every label of the " + split + " split is " + first + "; a split needs at least two classes");
        }
    }
}
