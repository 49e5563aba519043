package org.coex.accel.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while an input is checked; {@link #throwIfAny()} ends the check. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem p) { list.add(p); }

    public boolean isEmpty() { return list.isEmpty(); }

    public List<Problem> list() { return List.copyOf(list); }

    /** @throws SpecException carrying every problem collected so far, if there is one */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new SpecException(list);
    }
}
