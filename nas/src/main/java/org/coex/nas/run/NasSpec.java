package org.coex.nas.run;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coex.nas.data.DataShape;
import org.coex.nas.data.DataSpec;
import org.coex.nas.space.SearchSpace;
import org.coex.nas.train.SearchConfig;

/**
 * A validated {@code coex nas search} spec: the space (shaped by the data), the data (where and how
 * it is read, what a probe of it found, the validation size, an optional cap on training images for
 * quick runs), the search settings, the output folder, and (for the hardware-aware baseline) the
 * fixed accelerator, or null.
 *
 * @param dataLine the one line that says what data was found
 */
public record NasSpec(String source, SearchSpace space, DataSpec data, DataShape shape, String dataLine, int validationSize, int trainLimit,
                      SearchConfig config, Path output, HardwareTarget hardware) {

    /**
     * Everything a search's result depends on, for a checkpoint to be resumed only by the same run
     * ({@link RunFolder}): the search settings, the space, the data and the split, the accelerator
     * of the hardware-aware baseline. Not the output folder.
     */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : SearchConfig.class.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(config);
                m.put(c.getName(), v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        m.put("space", space.fingerprint());
        m.put("data_dir", data.path() == null ? "default" : data.path().toAbsolutePath().normalize().toString());
        if (!data.withPath(null).withValidation(DataSpec.defaults().validation()).equals(DataSpec.defaults())) {
            m.put("data", data.format().key() + " resize " + data.resize() + " labels " + data.labels() + " layout " + data.layout() + " channels " + data.channels());
        }
        m.put("validation", validationSize);
        m.put("train_limit", trainLimit);
        if (hardware != null) m.put("hardware", hardware.description() + " " + hardware.metric().column() + " lambda " + hardware.lambda());
        return m;
    }
}
