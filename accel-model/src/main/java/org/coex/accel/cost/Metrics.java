package org.coex.accel.cost;

/**
 * The headline figures of a network on an accelerator.
 *
 * @param latencyMs cycles / (clock MHz * 1000)
 * @param fps       1000 / latencyMs (inferences per second at batch 1)
 * @param energyUj  total energy per inference
 * @param areaMm2   accelerator area
 * @param edpUjMs   energy-delay product, energyUj * latencyMs
 */
public record Metrics(double latencyMs, double fps, double energyUj, double areaMm2, double edpUjMs) {

    /** Metric names as used in specs and CSV headers. */
    public enum Name {
        LATENCY("latency_ms"), ENERGY("energy_uj"), AREA("area_mm2"), EDP("edp_uj_ms"), FPS("fps");

        private final String column;

        Name(String column) { this.column = column; }

        public String column() { return column; }

        /** Parses {@code latency}, {@code latency_ms}, {@code energy}, ... (case-insensitive). */
        public static java.util.Optional<Name> parse(String s) {
            String k = s.toLowerCase(java.util.Locale.ROOT);
            for (Name n : values()) {
                if (n.column.equals(k) || n.name().toLowerCase(java.util.Locale.ROOT).equals(k)) return java.util.Optional.of(n);
            }
            return java.util.Optional.empty();
        }
    }

    public static Metrics of(long cycles, double clockMhz, double energyPj, double areaUm2) {
        return ofHeadline(cycles / (clockMhz * 1000.0), energyPj / 1e6, areaUm2 / 1e6);
    }

    /** From latency, energy and area, with fps = 1000 / latency and EDP = energy * latency. */
    public static Metrics ofHeadline(double latencyMs, double energyUj, double areaMm2) {
        return new Metrics(latencyMs, 1000.0 / latencyMs, energyUj, areaMm2, energyUj * latencyMs);
    }

    /** Every metric by its column name, in {@link Name} order (for JSON reports). */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Name n : Name.values()) m.put(n.column(), get(n));
        return m;
    }

    /** The value of one metric; for {@link Name#FPS} higher is better, for the others lower is. */
    public double get(Name n) {
        return switch (n) {
            case LATENCY -> latencyMs;
            case ENERGY -> energyUj;
            case AREA -> areaMm2;
            case EDP -> edpUjMs;
            case FPS -> fps;
        };
    }
}
