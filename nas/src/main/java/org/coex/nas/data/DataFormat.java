package org.coex.nas.data;

import java.util.Locale;
import java.util.Optional;

/** The image-data layouts coex reads (docs/nas.md, "Data"); {@code AUTO} looks at the files. */
public enum DataFormat {
    AUTO, IDX, CIFAR, FOLDER, NPY;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<DataFormat> parse(String s) {
        for (DataFormat f : values()) if (f.key().equals(s.trim().toLowerCase(Locale.ROOT))) return Optional.of(f);
        return Optional.empty();
    }
}
