package org.coex.accel.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects problems while an input is checked; {@link #throwIfAny()} ends the check. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final Set<String> misspelt = new HashSet<>();

    public void add(Problem p) { list.add(p); }

    /** Notes that an unknown key was reported as a misspelling of the key at {@code path}. */
    public void noteMisspelling(String path) { misspelt.add(path); }

    /** Whether a misspelling of the key at {@code path} was reported: its absence is then not news. */
    public boolean isMisspelt(String path) { return misspelt.contains(path); }

    public boolean isEmpty() { return list.isEmpty(); }

    public List<Problem> list() { return List.copyOf(list); }

    /** @throws SpecException carrying every problem collected so far, if there is one */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new SpecException(list);
    }
}
