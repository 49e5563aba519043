package org.coex.accel.explore;

import java.nio.file.Path;
import java.util.List;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.spec.InputFiles;
import org.coex.accel.spec.Problems;
import org.coex.accel.spec.SpecNode;
import org.coex.accel.spec.YamlDocument;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.AcceleratorTemplate;

/**
 * A design space on its own in YAML: {@code space: {parameter: [values], ...}}, the {@code space}
 * section of a sweep or optimize spec. Every value is tried on the template, so a bad one is named at its line.
 */
public final class DesignSpaceFiles {
    private DesignSpaceFiles() {}

    /** @throws org.coex.accel.spec.SpecException listing every problem with its line */
    public static DesignSpace load(Path file, AcceleratorTemplate template, TechnologyTable technology) {
        Problems problems = new Problems();
        SpecNode root = YamlDocument.parse(file, InputFiles.readString(file, "design space", "check the path")).root(problems);
        if (!root.expectObject()) problems.throwIfAny();
        root.allowOnly(List.of("space"));
        if (!root.has("space")) root.missing("space", "missing 'space'; give space: {parameter: [values], ...}");
        DesignSpace space = Target.readSpace(root.child("space"), template.defaultSpace());
        problems.throwIfAny();
        Target.checkValues(template, technology, space, HwConfig.of(), root);
        problems.throwIfAny();
        return space;
    }
}
