package org.coex.accel.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.SpecNode;

/**
 * Where a job runs: a Spark master URL ({@code local}, {@code local[N]}, {@code local[*]},
 * {@code spark://host:port}, or anything spark-submit understands: {@code yarn}, {@code k8s://...})
 * and Spark settings ({@code spark.executor.memory: 4g}, ...). From a spec's
 * {@code cluster: {master: ..., conf: {...}}} or the {@code --master} option; {@code masterLine} is the
 * spec line of {@code cluster.master} (0: given as an option), where a master that does not answer is blamed.
 */
public record ClusterSettings(String master, Map<String, String> conf, int masterLine) {
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|spark://[^/\\s]+:[0-9]+(,[^/\\s]+:[0-9]+)*"
            + "|yarn|k8s://\\S+|mesos://\\S+");
    public static final List<String> KEYS = List.of("master", "conf");

    public ClusterSettings {
        conf = Map.copyOf(conf);
    }

    /** Settings given on the command line. */
    public ClusterSettings(String master, Map<String, String> conf) { this(master, conf, 0); }

    /** Whether the URL is one Spark accepts as a master. */
    public static boolean isMasterUrl(String url) { return url != null && MASTER.matcher(url.strip()).matches(); }

    /** The hint that follows a rejected master URL. */
    public static String masterForms() { return "use local[N], local[*], spark://host:port, yarn or k8s://..."; }

    /** A spec's {@code cluster} section (absent: empty); problems recorded at their keys. */
    public static Optional<ClusterSettings> read(SpecNode node) {
        if (node.isMissing() || !node.expectObject()) return Optional.empty();
        node.allowOnly(KEYS);
        String master = node.string("master", null);   // null: absent or not text (reported)
        if (!node.has("master")) node.missing("master", "missing key 'master'; " + masterForms());
        else if (master != null && !isMasterUrl(master)) node.problem("master", "'" + master + "' is not a Spark master URL; " + masterForms());
        Map<String, String> conf = new LinkedHashMap<>();
        SpecNode c = node.child("conf");
        if (!c.isMissing() && c.expectObject()) {
            for (String k : c.keys()) {
                Object v = c.child(k).scalar();
                if (!k.startsWith("spark.")) c.problem(k, "Spark settings start with 'spark.' (found '" + k + "')");
                else if (v != null) conf.put(k, v.toString());
            }
        }
        return Optional.of(new ClusterSettings(master == null ? "" : master.strip(), conf, node.child("master").line()));
    }

    /** These settings with another master (the {@code --master} option wins over the spec). */
    public ClusterSettings withMaster(String url) { return new ClusterSettings(url, conf, 0); }

    /** A {@code --master} option (null: not given) that is not a Spark master URL is the user's mistake, named at the option. */
    public static void checkOption(String masterOption) {
        if (masterOption != null && !isMasterUrl(masterOption)) {
            throw SpecException.option("--master", "'" + masterOption + "' is not a Spark master URL; " + masterForms());
        }
    }

    /** Where a command runs: the spec's settings with {@code masterOption} (the --master option, may be null) as master when given. */
    public static Optional<ClusterSettings> of(Optional<ClusterSettings> fromSpec, String masterOption) {
        if (masterOption == null) return fromSpec;
        return Optional.of(fromSpec.map(c -> c.withMaster(masterOption)).orElse(new ClusterSettings(masterOption, Map.of())));
    }
}
