package org.coex.accel.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coex.accel.mapping.MapSpace;
import org.coex.accel.mapping.Metric;
import org.coex.accel.nest.Architecture;
import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.DataSpace;
import org.coex.accel.nest.Dim;
import org.coex.accel.nest.LevelMapping;
import org.coex.accel.nest.Loop;
import org.coex.accel.nest.MappingChecks;
import org.coex.accel.nest.Mapping;
import org.coex.accel.nest.StorageLevel;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;

/**
 * Reads Timeloop's own input files the way {@code timeloop-model} does: YAML files merged by
 * top-level key (a later file wins), keys with hyphens or underscores. Understands an
 * {@code architecture} in the processed v0.4 {@code subtree}/{@code local} form (nested subtrees are
 * inner levels; {@code name[1..N]} gives N instances; classes DRAM, dummy_storage, a MAC class, and
 * any other class as a buffer of depth x width), a CNN_Layer {@code problem} (v0.4 {@code instance}
 * or older flat form), a {@code mapping} list of temporal / spatial / datatype (bypass) directives, and
 * {@code ERT} / {@code ART} tables. Timeloop's CNN_Layer pairs P with Wstride and Q with Hstride.
 * Without an ERT, energies come from the accelergy-65nm preset by component size.
 */
public final class TimeloopInputs {
    /** The top-level keys of Timeloop's input files: those coex reads, and those it leaves to Timeloop (variables, components, ...). */
    static final List<String> TIMELOOP_SECTIONS = List.of("architecture", "problem", "mapping", "mapper", "mapspace", "mapspace_constraints",
            "architecture_constraints", "arch_constraints", "ERT", "ART", "compound_components", "components", "variables", "globals",
            "sparse_optimizations", "model", "mapper_specs", "ERT_summary", "ART_summary", "flattened_architecture");
    private static final Pattern RANGE = Pattern.compile("^(.*)\\[(\\d+)\\.\\.(\\d+)]$");
    private static final Pattern FACTOR = Pattern.compile("([A-Za-z])\\s*=?\\s*(\\d+)");
    private static final Set<String> ARCHITECTURE_VERSIONS = Set.of("0.2", "0.3", "0.4");
    private static final Set<String> TABLE_VERSIONS = Set.of("0.3", "0.4");

    private TimeloopInputs() {}

    /**
     * The files' mapping, to evaluate.
     *
     * @throws SpecException listing every problem, each with its file, line and key (also when the files hold no mapping)
     */
    public static TimeloopModel read(List<Path> files) {
        if (request(files, null) instanceof TimeloopModel model) return model;
        throw new SpecException(new Problem(files.get(0).toString(), 0, "mapping",
                "the files hold no mapping to evaluate (with none, coex timeloop finds one)"));
    }

    /**
     * What the files ask for: with a top-level {@code mapping}, that mapping to evaluate, as
     * timeloop-model does; without one (or with timeloop-mapper's empty {@code mapping: []}), a
     * mapping to find, as timeloop-mapper does: the map space
     * their architecture and mapspace constraints allow ({@link TimeloopConstraints}) and the metrics
     * to minimize in turn ({@code metric} if given, else the {@code mapper}'s optimization metrics,
     * else EDP).
     *
     * @throws SpecException listing every problem, each with its file, line and key
     */
    public static TimeloopRequest request(List<Path> files, Metric metric) {
        if (files.isEmpty()) throw new SpecException(new Problem("command line", 0, "FILE", "give Timeloop's input YAML files"));
        Map<String, SpecNode> sections = new LinkedHashMap<>();
        Problems problems = new Problems();
        for (Path f : files) {
            SpecNode root = YamlDocument.read(f).root(problems);
            if (!root.expectObject()) continue;
            for (String k : root.keys()) sections.put(k.replace('-', '_'), root.child(k));
            if (root.keys().stream().noneMatch(k -> TIMELOOP_SECTIONS.contains(k.replace('-', '_')))) {
                root.problem("none of its top-level keys " + root.keys() + " is a Timeloop section (" + String.join(", ", TIMELOOP_SECTIONS)
                        + "); nest its content under one, e.g. ART: {version: 0.4, tables: [...]}");
            }
        }
        problems.throwIfAny();
        for (String required : List.of("architecture", "problem")) {
            if (!sections.containsKey(required)) {
                problems.add(new Problem(files.get(0).toString(), 0, required, "missing; none of the files has a top-level '" + required + "'"));
            }
        }
        problems.throwIfAny();
        checkVersion(sections.get("architecture"), ARCHITECTURE_VERSIONS,
                "Timeloop reads any other architecture as the ISPASS arithmetic/storage form, which coex does not read; write the tree form with version: 0.4");
        if (sections.containsKey("ERT")) {
            checkVersion(sections.get("ERT"), TABLE_VERSIONS, "coex reads the 'tables' form of Accelergy 0.3 and 0.4 (Timeloop stops on any other version but 0.2's); regenerate the ERT with Accelergy 0.4");
        }
        if (sections.containsKey("ART")) {
            checkVersion(sections.get("ART"), TABLE_VERSIONS, "Timeloop reads an ART of version 0.3 or 0.4 only; regenerate it with Accelergy 0.4");
        }
        problems.throwIfAny();
        Map<String, Map<String, Double>> ert = sections.containsKey("ERT") ? energyTable(sections.get("ERT")) : Map.of();
        Map<String, Double> art = sections.containsKey("ART") ? areaTable(sections.get("ART")) : Map.of();
        ArchitectureParts arch = architecture(sections.get("architecture"), ert, art, problems);
        ConvProblem problem = problem(sections.get("problem"), problems);
        problems.throwIfAny();
        SpecNode given = sections.get("mapping");
        if (given == null || given.isMissing() || (given.isList() && given.elements().isEmpty())) {   // timeloop-mapper's input: mapping: []
            List<SpecNode> constraints = new ArrayList<>();
            SpecNode inArchitecture = sections.get("architecture").child("constraints");
            if (!inArchitecture.isMissing()) constraints.add(inArchitecture);
            for (String key : List.of("architecture_constraints", "arch_constraints", "mapspace", "mapspace_constraints")) {
                if (sections.containsKey(key)) constraints.add(sections.get(key));
            }
            MapSpace space = TimeloopConstraints.mapSpace(arch.architecture(), arch.index(), problem, constraints);
            MetricChoice chosen = metric != null ? new MetricChoice(List.of(metric), "--metric")
                    : sections.containsKey("mapper") ? mapperMetrics(sections.get("mapper")) : new MetricChoice(List.of(Metric.EDP), "coex's default");
            problems.throwIfAny();
            return new TimeloopMapRequest(arch.architecture(), problem, space, chosen.metrics(), chosen.source());
        }
        MappingSource source = mapping(sections.get("mapping"), arch);
        problems.throwIfAny();
        for (MappingChecks.Violation v : MappingChecks.violations(problem, arch.architecture(), source.mapping())) source.blame(v);
        problems.throwIfAny();
        return new TimeloopModel(arch.architecture(), problem, source.mapping());
    }

    private record MetricChoice(List<Metric> metrics, String source) {}

    /** The mapper's optimization metrics (either spelling, one or a list), each edp, energy or delay, minimized in turn. */
    private static MetricChoice mapperMetrics(SpecNode mapper) {
        for (String key : List.of("optimization_metrics", "optimization_metric")) {
            SpecNode m = key(mapper, key);
            if (m.isMissing() || m.elements().isEmpty()) continue;
            List<Metric> metrics = new ArrayList<>();
            for (SpecNode e : m.elements()) {
                Object o = e.scalar();
                String name = o == null ? "" : o.toString().strip().toLowerCase(Locale.ROOT);
                Metric chosen = switch (name) {
                    case "edp" -> Metric.EDP;
                    case "energy" -> Metric.ENERGY;
                    case "delay" -> Metric.LATENCY;
                    default -> null;
                };
                if (chosen == null) e.problem("coex optimizes edp, energy or delay, not '" + name + "'; list those only, or choose with --metric");
                else if (!metrics.contains(chosen)) metrics.add(chosen);
            }
            return new MetricChoice(metrics.isEmpty() ? List.of(Metric.EDP) : metrics, "mapper." + m.path().substring(m.path().lastIndexOf('.') + 1));
        }
        return new MetricChoice(List.of(Metric.EDP), "coex's default (the mapper names no optimization metric)");
    }

    /**
     * Timeloop's {@code version} check: the architecture's tree form is read for 0.2, 0.3 and 0.4;
     * an ART must be 0.3 or 0.4; an ERT's {@code tables} form is 0.3 or 0.4. A number or a string.
     */
    private static void checkVersion(SpecNode section, Set<String> known, String fix) {
        SpecNode v = section.child("version");
        if (v.isMissing()) {
            section.missing("version", "missing 'version'; " + fix);
            return;
        }
        Object o = v.scalar();
        if (o != null && !known.contains(o.toString().strip())) v.problem("version " + o + " is not read; " + fix);
    }

    /** A key spelt with underscores or hyphens. */
    static SpecNode key(SpecNode node, String underscored) { return node.child(spelling(node, underscored)); }

    /** How {@code node} spells the key: with underscores if it has that spelling, else with hyphens. */
    private static String spelling(SpecNode node, String underscored) {
        return node.has(underscored) ? underscored : underscored.replace('_', '-');
    }

    /** A whole-number attribute of at least {@code min}, in either spelling (SpecNode's checks). */
    private static int intAttr(SpecNode attributes, String name, int fallback, int min) {
        return attributes.integerAtLeast(spelling(attributes, name), fallback, min);
    }

    private static double numAttr(SpecNode attributes, String name, double fallback, double min) {
        return attributes.numberAtLeast(spelling(attributes, name), fallback, min);
    }

    /** An ERT's or ART's {@code tables}: a list of mappings. */
    private static List<SpecNode> tables(SpecNode section) {
        section.allowOnly(List.of("version", "tables"));
        SpecNode t = section.child("tables");
        if (t.isMissing()) section.missing("tables", "missing 'tables'; list the components, e.g. - {name: system_top_level.DRAM[1..1], ...}");
        if (!t.isMissing() && !t.isList()) {
            t.problem("must be a list of tables (found " + t.describe() + ")");
            return List.of();
        }
        return t.elements().stream().filter(SpecNode::expectObject).toList();
    }

    /** {@code system_top_level.DRAM[1..1]} -> {@code DRAM}. */
    static String baseName(String name) {
        Matcher m = RANGE.matcher(name.strip());
        String path = m.matches() ? m.group(1) : name.strip();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** {@code psum_spad[1..168]} -> 168; no range -> 1; an empty range, one beyond int or one that does not read [first..last] -> 0. */
    static int instancesOf(String name) {
        Matcher m = RANGE.matcher(name.strip());
        if (!m.matches()) return name.contains("[") ? 0 : 1;
        try {
            long n = Long.parseLong(m.group(3)) - Long.parseLong(m.group(2)) + 1;
            return n < 1 || n > Integer.MAX_VALUE ? 0 : (int) n;
        } catch (NumberFormatException beyondLong) {
            return 0;
        }
    }

    /** An ERT: component -> action -> pJ; every table names its component, every action its name and energy. */
    private static Map<String, Map<String, Double>> energyTable(SpecNode ert) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (SpecNode t : tables(ert)) {
            Map<String, Double> actions = new HashMap<>();
            SpecNode list = t.child("actions");
            if (!list.isList()) t.missing("actions", "missing 'actions'; list the component's actions, e.g. - {name: read, arguments: {}, energy: 1.2}");
            for (SpecNode a : list.elements()) {
                if (!a.expectObject()) continue;
                String action = a.requiredString("name", "name the action (read, write, update, leak, compute, ...)").orElse("");
                actions.put(action, a.requiredNumberAtLeast("energy", 0, "missing 'energy'; give its energy in pJ"));
            }
            out.put(componentName(t), actions);
        }
        return out;
    }

    /** An ART: component -> area; every table names its component and its area. */
    private static Map<String, Double> areaTable(SpecNode art) {
        Map<String, Double> out = new HashMap<>();
        for (SpecNode t : tables(art)) out.put(componentName(t), t.requiredNumberAtLeast("area", 0, "missing 'area'; give the component's area in um^2"));
        return out;
    }

    /** An ERT's or ART's component: its required {@code name}, whose instance range must read [first..last]. */
    private static String componentName(SpecNode table) {
        String full = table.requiredString("name", "name the component as the architecture does, e.g. system_top_level.DRAM[1..1]").orElse("");
        if (instancesOf(full) < 1) table.problem("name", rangeRule(full));
        return baseName(full);
    }

    private static String rangeRule(String name) {
        return "the instance range of '" + name + "' must read [first..last] with last >= first, at most 2^31 - 1 instances";
    }

    /** The flattened architecture and the level names in Timeloop's order. */
    record ArchitectureParts(Architecture architecture, Map<String, Integer> index) {}

    private static ArchitectureParts architecture(SpecNode node, Map<String, Map<String, Double>> ert, Map<String, Double> art,
                                                  Problems problems) {
        List<SpecNode> components = new ArrayList<>();
        for (SpecNode top : node.child("subtree").elements()) flatten(top, components);
        if (components.isEmpty()) {
            node.problem("expected Timeloop's processed v0.4 form: architecture: {version: 0.4, subtree: [{name, local: [...]}]}");
            return new ArchitectureParts(null, Map.of());
        }
        List<StorageLevel> outerFirst = new ArrayList<>();
        SpecNode mac = null;
        for (SpecNode c : components) {
            String cls = c.string("class", "").toLowerCase(Locale.ROOT);
            if (cls.contains("mac") || cls.equals("compute")) {
                mac = c;
                continue;
            }
            if (instancesOf(c.string("name", "level")) < 1) {
                c.problem("name", rangeRule(c.string("name", "")));
                continue;
            }
            try {
                outerFirst.add(storage(c, cls, ert, art));
            } catch (IllegalArgumentException e) {   // anything else StorageLevel refuses
                c.problem(e.getMessage());
            }
        }
        if (mac == null) {
            node.problem("no compute component (a class such as intmac) in the architecture");
            return new ArchitectureParts(null, Map.of());
        }
        if (instancesOf(mac.string("name", "mac")) < 1) {
            mac.problem("name", rangeRule(mac.string("name", "")));
            return new ArchitectureParts(null, Map.of());
        }
        List<StorageLevel> innerFirst = new ArrayList<>(outerFirst);
        java.util.Collections.reverse(innerFirst);
        String macName = baseName(mac.string("name", "mac"));
        Map<String, Double> macErt = ert.getOrDefault(macName, Map.of());
        double macPj = macErt.getOrDefault("compute", org.coex.accel.tech.TechnologyTables.preset("accelergy-65nm")
                .macPj(intAttr(mac.child("attributes"), "multiplier_width", 16, 1)));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = innerFirst.size() - 1; i >= 0; i--) index.put(innerFirst.get(i).name(), i);
        try {
            return new ArchitectureParts(new Architecture(macName, instancesOf(mac.string("name", "mac")), macPj,
                    art.getOrDefault(macName, 0.0), innerFirst), index);
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return new ArchitectureParts(null, Map.of());
        }
    }

    private static void flatten(SpecNode tree, List<SpecNode> out) {
        out.addAll(tree.child("local").elements());
        for (SpecNode sub : tree.child("subtree").elements()) flatten(sub, out);
    }

    private static StorageLevel storage(SpecNode c, String cls, Map<String, Map<String, Double>> ert, Map<String, Double> art) {
        String full = c.string("name", "level");
        String name = baseName(full);
        SpecNode a = c.child("attributes");
        boolean dummy = cls.contains("dummy");
        boolean dram = cls.equals("dram");
        int wordBits = intAttr(a, "datawidth", intAttr(a, "word_bits", 8, 1), 1);
        int width = intAttr(a, "width", wordBits, 1);
        int block = intAttr(a, "block_size", Math.max(1, width / Math.max(1, wordBits)), 1);
        // no depth: unbounded (StorageLevel's size 0), as Timeloop leaves a buffer without depth unsized
        long size = dram || dummy ? 0 : (long) intAttr(a, "depth", 0, 0) * block;
        int meshX = intAttr(a, "meshX", 1, 1);
        double rbw = numAttr(a, "read_bandwidth", 0, 0);
        double wbw = numAttr(a, "write_bandwidth", 0, 0);
        Map<String, Double> e = ert.get(name);
        double read, write, update, leak;
        if (e != null) {
            read = e.getOrDefault("read", 0.0);
            write = e.getOrDefault("write", read);
            update = e.getOrDefault("update", write);
            leak = e.getOrDefault("leak", 0.0);
        } else {
            var tech = org.coex.accel.tech.TechnologyTables.preset("accelergy-65nm");
            int bits = width;
            read = dummy ? 0 : dram ? tech.dramPj(bits) : tech.sramReadPj(size * wordBits / 8.0, bits);
            write = dummy ? 0 : dram ? tech.dramPj(bits) : tech.sramWritePj(size * wordBits / 8.0, bits);
            update = write;
            leak = 0;
        }
        return new StorageLevel(name, instancesOf(full), meshX, Math.max(1, wordBits), Math.max(1, block), size, rbw, wbw,
                read, write, update, leak, art.getOrDefault(name, 0.0), dummy);
    }

    /** A CNN_Layer {@code problem} section (v0.4 {@code instance} or the older flat form). */
    static ConvProblem problem(SpecNode node, Problems problems) {
        SpecNode inst = node.has("instance") ? node.child("instance") : node;
        Map<String, Integer> v = new HashMap<>();
        for (String d : List.of("C", "M", "N", "P", "Q", "R", "S")) {
            if (!inst.has(d) && !d.equals("N")) inst.missing(d, "missing problem dimension '" + d + "'; a CNN_Layer needs C, M, P, Q, R, S");
            v.put(d, inst.integerAtLeast(d, 1, 1));
        }
        for (String d : List.of("Hstride", "Wstride", "Hdilation", "Wdilation")) v.put(d, inst.integerAtLeast(d, 1, 1));
        try {
            return new ConvProblem(v.get("N"), v.get("M"), v.get("C"), v.get("P"), v.get("Q"), v.get("R"), v.get("S"),
                    v.get("Wstride"), v.get("Hstride"), v.get("Wdilation"), v.get("Hdilation"));
        } catch (IllegalArgumentException e) {
            return new ConvProblem(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        }
    }

    /**
     * A mapping and the directives it came from, so that a violation of {@link MappingChecks} is
     * reported at the directive that causes it: a dimension's factors at the first directive giving it
     * a factor above 1 (with the lines of the others), a level's fan-out at its spatial directive, its
     * capacity at its last directive; otherwise at the {@code mapping} key.
     */
    private record MappingSource(Mapping mapping, SpecNode section, Map<SpecNode, Map<Dim, Integer>> factorsOf,
                                 Map<Integer, SpecNode> spatialByLevel, Map<Integer, SpecNode> lastByLevel) {

        void blame(MappingChecks.Violation v) {
            if (v.dim() != null) {
                List<SpecNode> givers = factorsOf.keySet().stream().filter(d -> factorsOf.get(d).getOrDefault(v.dim(), 1) > 1).toList();
                if (givers.isEmpty()) {
                    section.problem(v.message() + "; no directive gives " + v.dim().timeloopName() + " a factor above 1");
                    return;
                }
                List<String> where = new ArrayList<>();
                for (SpecNode g : givers) where.add(v.dim().timeloopName() + factorsOf.get(g).get(v.dim()) + " at line " + g.child("factors").line());
                givers.get(0).problem("factors", v.message() + " (" + String.join(", ", where) + "); make them multiply to "
                        + "the problem's " + v.dim().timeloopName());
                return;
            }
            SpecNode at = v.level() < 0 ? null : v.spatial() ? spatialByLevel.get(v.level()) : lastByLevel.get(v.level());
            (at == null ? section : at).problem(v.message());
        }
    }

    private static MappingSource mapping(SpecNode node, ArchitectureParts arch) {
        int n = arch.architecture().levels().size();
        List<List<Loop>> temporal = new ArrayList<>();
        List<List<Loop>> spatial = new ArrayList<>();
        List<Set<DataSpace>> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            temporal.add(new ArrayList<>());
            spatial.add(new ArrayList<>());
            keep.add(arch.architecture().levels().get(i).dummy() ? EnumSet.noneOf(DataSpace.class) : EnumSet.allOf(DataSpace.class));
        }
        SpecNode list = node.has("mapping") ? node.child("mapping") : node;
        List<SpecNode> directives = list.elements();
        if (directives.isEmpty()) {
            list.problem("no mapping given (the list is empty); name Timeloop's mapping file after this one "
                    + "(a later file's 'mapping' replaces an earlier one's), e.g. coex timeloop input.yaml map.yaml ERT.yaml ART.yaml, "
                    + "or leave 'mapping' out for coex to map the layer");
        }
        Map<SpecNode, Map<Dim, Integer>> factorsOf = new LinkedHashMap<>();   // in file order; SpecNode compares by identity
        Map<Integer, SpecNode> spatialByLevel = new HashMap<>();
        Map<Integer, SpecNode> lastByLevel = new HashMap<>();
        for (SpecNode d : directives) {
            String target = d.string("target", "");
            Integer level = arch.index().get(target);
            if (level == null) {
                d.problem("target", "no level named '" + target + "' in the architecture; levels: " + String.join(", ", arch.index().keySet()));
                continue;
            }
            lastByLevel.put(level, d);
            String type = d.string("type", "temporal").toLowerCase(Locale.ROOT);
            switch (type) {
                case "temporal", "spatial" -> {
                    Map<Dim, Integer> factors = factors(d);
                    List<Dim> order = permutation(d);
                    int split = type.equals("spatial") ? intAttr(d, "split", order.size(), 0) : 0;
                    List<Loop> loops = type.equals("temporal") ? temporal.get(level) : spatial.get(level);
                    if (type.equals("spatial")) spatialByLevel.put(level, d);
                    factorsOf.put(d, factors);
                    loops.clear();
                    for (int k = 0; k < order.size(); k++) {
                        int b = factors.getOrDefault(order.get(k), 1);
                        Loop.Kind kind = type.equals("temporal") ? Loop.Kind.TEMPORAL : k < split ? Loop.Kind.SPATIAL_X : Loop.Kind.SPATIAL_Y;
                        if (b > 1) loops.add(new Loop(order.get(k), b, kind));
                    }
                }
                case "datatype", "bypass" -> {
                    Set<DataSpace> k = keep.get(level);
                    for (SpecNode e : d.child("keep").elements()) dataSpace(e).ifPresent(k::add);
                    for (SpecNode e : d.child("bypass").elements()) dataSpace(e).ifPresent(k::remove);
                }
                default -> d.problem("type", "unknown directive type '" + type + "'; use temporal, spatial or datatype");
            }
        }
        List<LevelMapping> levels = new ArrayList<>();
        for (int i = 0; i < n; i++) levels.add(new LevelMapping(temporal.get(i), spatial.get(i), keep.get(i)));
        return new MappingSource(new Mapping(levels), list, factorsOf, spatialByLevel, lastByLevel);
    }

    private static java.util.Optional<DataSpace> dataSpace(SpecNode e) {
        Object o = e.scalar();
        java.util.Optional<DataSpace> ds = o == null ? java.util.Optional.empty() : DataSpace.parse(o.toString());
        if (o != null && ds.isEmpty()) e.problem("unknown data space '" + o + "'; use Weights, Inputs or Outputs");
        return ds;
    }

    private static Map<Dim, Integer> factors(SpecNode d) {
        Map<Dim, Integer> out = new EnumMap<>(Dim.class);
        String text = d.string("factors", "");
        Matcher m = FACTOR.matcher(text);
        boolean found = false;
        while (m.find()) {
            found = true;
            var dim = Dim.parse(m.group(1));
            int f = factorValue(m.group(2));
            if (dim.isEmpty()) d.problem("factors", "unknown dimension '" + m.group(1) + "'; use C, M, N, P, Q, R, S");
            else if (f < 0) d.problem("factors", m.group() + ": a factor must be at most 2^31 - 1");
            else out.put(dim.get(), f);
        }
        String rest = FACTOR.matcher(text).replaceAll(" ").replace(',', ' ').strip();   // commas or spaces between factors
        if (!text.isBlank() && !found) d.problem("factors", "expected factors like 'C4 M2 P8' (found \"" + text + "\")");
        else if (!rest.isEmpty()) d.problem("factors", "'" + rest + "' is not a factor; write factors like 'C4 M2 P8' (found \"" + text + "\")");
        return out;
    }

    /** The digits as an int, or -1 beyond {@code Integer.MAX_VALUE}. */
    static int factorValue(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException beyondInt) {
            return -1;
        }
    }

    private static List<Dim> permutation(SpecNode d) {
        List<Dim> order = new ArrayList<>();
        for (char ch : d.string("permutation", "").toCharArray()) {
            if (Character.isWhitespace(ch)) continue;
            var dim = Dim.parse(String.valueOf(ch));
            if (dim.isEmpty()) d.problem("permutation", "unknown dimension '" + ch + "'");
            else if (!order.contains(dim.get())) order.add(dim.get());
        }
        for (Dim x : List.of(Dim.C, Dim.K, Dim.R, Dim.S, Dim.N, Dim.P, Dim.Q)) if (!order.contains(x)) order.add(x);
        return order;
    }
}
