package org.coex.accel.interop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coex.accel.mapping.LevelSpace;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.StorageLevel;
import org.coex.accel.spec.SpecNode;

/**
 * Timeloop's architecture and mapspace constraints as a coex {@link MapSpace}, for mapping with
 * coex's search what timeloop-mapper would map. Read: a section that is a list of constraints or
 * holds one under {@code targets} or {@code constraints}; each entry a constraint with a
 * {@code target} (level name or index) and {@code type}, or a target holding a {@code constraints}
 * list; attributes in the constraint or under {@code attributes}.
 * <ul>
 *   <li>{@code temporal} / {@code spatial}: {@code factors} ("C=4", "M<=8", "P>=2", "Q=0" for the whole
 *       dimension; a string or a list), {@code default_max_factor}, {@code default_min_factor},
 *       {@code permutation} (innermost first; after {@code _}, the outermost), {@code split}
 *       (spatial: the first {@code split} dimensions of the permutation go on X, the rest on Y);</li>
 *   <li>{@code datatype} / {@code bypass}: {@code keep} and {@code bypass} lists;</li>
 *   <li>{@code utilization} / {@code parallelism}: {@code min}, the busy fraction of the MACs;</li>
 *   <li>{@code remainders}: allowed, and honoured trivially (coex's factors divide exactly).</li>
 * </ul>
 * What coex cannot honour ({@code no_link_transfer}, {@code no_multicast_no_reduction},
 * {@code no_temporal_reuse}, {@code max_overbooked_proportion}, skews) is a problem naming it, not
 * a silent omission. Left unconstrained, a storage level keeps every tensor (timeloop-mapper would
 * also try bypassing it), may loop over every dimension in time, and may spread every dimension over
 * its fan-out's columns (X) and rows (Y), one axis per dimension; a dummy level keeps nothing and
 * has no temporal loops; the outermost level keeps everything.
 */
final class TimeloopConstraints {
    private static final Pattern FACTOR = Pattern.compile("([A-Za-z]+)\\s*(<=|>=|=)?\\s*(\\d+)");
    private static final Set<String> UNSUPPORTED = Set.of("no_link_transfer", "no_multicast_no_reduction", "no_temporal_reuse");
    private static final Set<Dim> ALL = EnumSet.allOf(Dim.class);

    private final Architecture arch;
    private final Map<String, Integer> index;
    private final ConvProblem problem;
    private final List<Level> levels = new ArrayList<>();
    private double minUtilization;

    /** What the constraints say of one level while they are read. */
    private static final class Level {
        final Map<Dim, Integer> temporalMin = new EnumMap<>(Dim.class);
        final Map<Dim, Integer> temporalMax = new EnumMap<>(Dim.class);
        final Map<Dim, Integer> spatialMin = new EnumMap<>(Dim.class);
        final Map<Dim, Integer> spatialMax = new EnumMap<>(Dim.class);
        final List<Dim> innermost = new ArrayList<>();
        final List<Dim> outermost = new ArrayList<>();
        final Set<Dim> onX = EnumSet.noneOf(Dim.class);
        final Set<Dim> onY = EnumSet.noneOf(Dim.class);
        boolean axesGiven;
        Set<DataSpace> keep;
        final Set<String> given = new LinkedHashSet<>();   // "temporal", "spatial", "datatype": Timeloop refuses a second one
    }

    private TimeloopConstraints(Architecture arch, Map<String, Integer> index, ConvProblem problem) {
        this.arch = arch;
        this.index = index;
        this.problem = problem;
        for (int i = 0; i < arch.levels().size(); i++) levels.add(new Level());
    }

    /**
     * The map space the constraint sections allow on this architecture (levels innermost first;
     * {@code index} maps a level's name to its position). Problems are recorded at their nodes.
     */
    static MapSpace mapSpace(Architecture arch, Map<String, Integer> index, ConvProblem problem, List<SpecNode> sections) {
        TimeloopConstraints c = new TimeloopConstraints(arch, index, problem);
        for (SpecNode section : sections) c.readSection(section);
        return c.build();
    }

    private void readSection(SpecNode section) {
        SpecNode list = section.isList() ? section : section.has("constraints") ? section.child("constraints") : section.child("targets");
        if (!list.isMissing() && !list.isList()) {
            list.problem("must be a list of constraints (found " + list.describe() + ")");
            return;
        }
        for (SpecNode entry : list.elements()) {
            if (!entry.expectObject()) continue;
            if (entry.has("constraints")) {
                for (SpecNode c : entry.child("constraints").elements()) if (c.expectObject()) readConstraint(entry, c);
            } else {
                readConstraint(entry, entry);
            }
        }
    }

    private void readConstraint(SpecNode target, SpecNode constraint) {
        SpecNode attributes = constraint.has("attributes") ? constraint.child("attributes") : constraint;
        String type = constraint.string("type", "").toLowerCase(Locale.ROOT);
        for (String key : constraint.keys()) {
            if (UNSUPPORTED.contains(key.replace('-', '_'))) {
                constraint.problem(key, "coex cannot honour '" + key + "' (its model multicasts, reduces and reuses wherever the "
                        + "mapping allows); remove it to map with coex, or map this design with timeloop-mapper");
            }
        }
        switch (type) {
            case "temporal", "spatial" -> {
                Level level = level(target, type);
                if (level == null) return;
                once(level, type, constraint);
                boolean spatial = type.equals("spatial");
                factors(attributes, spatial ? level.spatialMin : level.temporalMin, spatial ? level.spatialMax : level.temporalMax);
                List<List<Dim>> perm = permutation(attributes);
                if (spatial) {
                    axes(attributes, perm, level);
                } else {
                    level.innermost.addAll(perm.get(0));
                    level.outermost.addAll(perm.get(1));
                }
            }
            case "datatype", "bypass", "bypassing" -> {
                Level level = level(target, type);
                if (level == null) return;
                once(level, "datatype", constraint);
                Set<DataSpace> keep = EnumSet.allOf(DataSpace.class);
                for (SpecNode e : attributes.child("bypass").elements()) dataSpace(e).ifPresent(keep::remove);
                for (SpecNode e : attributes.child("keep").elements()) dataSpace(e).ifPresent(keep::add);
                level.keep = keep;
            }
            case "utilization", "parallelism" -> minUtilization = attributes.fraction("min", 0);
            case "max_overbooked_proportion" -> constraint.problem("type", "coex cannot honour 'max_overbooked_proportion' "
                    + "(a sparse-tensor setting; coex maps dense tensors only); remove it to map with coex");
            case "" -> constraint.problem("type", "missing; use temporal, spatial, datatype or utilization");
            default -> constraint.problem("type", "coex cannot honour a '" + type + "' constraint; it reads temporal, spatial, "
                    + "datatype (bypass) and utilization constraints");
        }
    }

    private Level level(SpecNode target, String type) {
        SpecNode t = target.has("target") ? target.child("target") : target.child("name");
        Object o = t.isMissing() ? null : t.scalar();
        Integer at = o instanceof Integer id ? (id >= 0 && id < levels.size() ? id : null) : o == null ? null : index.get(o.toString().strip());
        if (at == null) {
            t.problem("no level " + (o == null ? "named" : "'" + o + "'") + " for this " + type + " constraint; levels: "
                    + String.join(", ", index.keySet()));
            return null;
        }
        if (type.equals("spatial") && arch.fanout(at) <= 1) {
            t.problem("level '" + arch.levels().get(at).name() + "' has no spatial fan-out (its children are as many as its "
                    + "instances), so it cannot take a spatial constraint");
            return null;
        }
        return levels.get(at);
    }

    private static void once(Level level, String kind, SpecNode constraint) {
        if (!level.given.add(kind)) constraint.problem("type", "a second " + kind + " constraint for this level (Timeloop refuses it "
                + "as a re-specification, even across architecture and mapspace constraints); merge the two");
    }

    /** Factor bounds: "D=k" fixes, "D<=k" / "D>=k" bound, "D=0" is the whole dimension; defaults for the dimensions not named. */
    private void factors(SpecNode attributes, Map<Dim, Integer> min, Map<Dim, Integer> max) {
        List<String> texts = new ArrayList<>();
        for (SpecNode e : attributes.child("factors").elements()) {
            Object o = e.scalar();
            if (o != null) texts.add(o.toString());
        }
        Set<Dim> named = EnumSet.noneOf(Dim.class);
        for (String text : texts) {
            Matcher m = FACTOR.matcher(text);
            boolean found = false;
            while (m.find()) {
                found = true;
                var dim = Dim.parse(m.group(1));
                if (dim.isEmpty()) {
                    attributes.problem("factors", "unknown dimension '" + m.group(1) + "'; use C, M, N, P, Q, R, S");
                    continue;
                }
                Dim d = dim.get();
                int f = TimeloopInputs.factorValue(m.group(3));
                if (f < 0) {
                    attributes.problem("factors", m.group() + ": a bound must be at most 2^31 - 1");
                    continue;
                }
                String op = m.group(2) == null ? "=" : m.group(2);
                if (op.equals("=") && f == 0) f = problem.bound(d);
                if (f < 1) {
                    attributes.problem("factors", d.timeloopName() + op + f + ": a bound must be at least 1");
                    continue;
                }
                named.add(d);
                if (!op.equals("<=")) min.put(d, Math.max(min.getOrDefault(d, 1), f));
                if (!op.equals(">=")) max.put(d, Math.min(max.getOrDefault(d, Integer.MAX_VALUE), f));
            }
            String rest = FACTOR.matcher(text).replaceAll(" ").replace(',', ' ').strip();   // commas or spaces between factors
            if (!text.isBlank() && !found) attributes.problem("factors", "expected factors like 'C=4 M<=8 P>=2' (found \"" + text + "\")");
            else if (!rest.isEmpty()) attributes.problem("factors", "'" + rest + "' is not a factor bound; write them like 'C=4 M<=8 P>=2' (found \"" + text + "\")");
        }
        int defaultMax = attributes.integerAtLeast("default_max_factor", Integer.MAX_VALUE, 1);
        int defaultMin = attributes.integerAtLeast("default_min_factor", 1, 1);
        for (Dim d : Dim.values()) {
            if (named.contains(d)) continue;
            if (defaultMax != Integer.MAX_VALUE) max.put(d, defaultMax);
            if (defaultMin > 1) min.put(d, defaultMin);
        }
    }

    /** The permutation: the dimensions before '_' (innermost first), and those after it (the outermost). */
    private static List<List<Dim>> permutation(SpecNode attributes) {
        StringBuilder text = new StringBuilder();
        for (SpecNode e : attributes.child("permutation").elements()) {
            Object o = e.scalar();
            if (o != null) text.append(o);
        }
        List<Dim> inner = new ArrayList<>();
        List<Dim> outer = new ArrayList<>();
        boolean separator = false;
        for (char ch : text.toString().toCharArray()) {
            if (Character.isWhitespace(ch) || ch == ',') continue;
            if (ch == '_') {
                separator = true;
                continue;
            }
            var dim = Dim.parse(String.valueOf(ch));
            if (dim.isEmpty()) attributes.problem("permutation", "unknown dimension '" + ch + "'; use C, M, N, P, Q, R, S");
            else if (!inner.contains(dim.get()) && !outer.contains(dim.get())) (separator ? outer : inner).add(dim.get());
        }
        return List.of(inner, outer);
    }

    /** A spatial permutation with a split puts its first {@code split} dimensions on X, the rest on Y. */
    private static void axes(SpecNode attributes, List<List<Dim>> perm, Level level) {
        List<Dim> order = new ArrayList<>(perm.get(0));
        order.addAll(perm.get(1));
        if (order.isEmpty() || !attributes.has("split")) return;
        int split = attributes.integerAtLeast("split", order.size(), 0);
        for (int k = 0; k < order.size(); k++) (k < split ? level.onX : level.onY).add(order.get(k));
        level.axesGiven = true;
    }

    private static java.util.Optional<DataSpace> dataSpace(SpecNode e) {
        Object o = e.scalar();
        java.util.Optional<DataSpace> ds = o == null ? java.util.Optional.empty() : DataSpace.parse(o.toString());
        if (o != null && ds.isEmpty()) e.problem("unknown data space '" + o + "'; use Weights, Inputs or Outputs");
        return ds;
    }

    private MapSpace build() {
        List<LevelSpace> out = new ArrayList<>();
        int outermost = arch.levels().size() - 1;
        for (int i = 0; i < arch.levels().size(); i++) {
            StorageLevel lv = arch.levels().get(i);
            Level c = levels.get(i);
            Set<Dim> temporal = EnumSet.noneOf(Dim.class);
            if (!lv.dummy()) for (Dim d : ALL) if (c.temporalMax.getOrDefault(d, Integer.MAX_VALUE) > 1) temporal.add(d);
            int columns = arch.fanoutColumns(i);
            int rows = arch.fanoutRows(i);
            Set<Dim> x = EnumSet.noneOf(Dim.class);
            Set<Dim> y = EnumSet.noneOf(Dim.class);
            for (Dim d : ALL) {
                if (c.spatialMax.getOrDefault(d, Integer.MAX_VALUE) <= 1) continue;
                boolean placed = c.axesGiven && (c.onX.contains(d) || c.onY.contains(d));
                if (columns > 1 && (!placed || c.onX.contains(d))) x.add(d);
                if (rows > 1 && (!placed || c.onY.contains(d))) y.add(d);
            }
            Set<DataSpace> keep = i == outermost ? EnumSet.allOf(DataSpace.class)
                    : c.keep != null ? c.keep : lv.dummy() ? EnumSet.noneOf(DataSpace.class) : EnumSet.allOf(DataSpace.class);
            out.add(new LevelSpace(temporal, x, columns, y, rows, keep, c.temporalMin, c.temporalMax, c.spatialMin, c.spatialMax,
                    c.innermost, c.outermost));
        }
        return new MapSpace(out, minUtilization);
    }
}
