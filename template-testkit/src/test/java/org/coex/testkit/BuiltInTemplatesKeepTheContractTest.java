package org.coex.testkit;

import java.util.List;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.template.spatial.SpatialTemplate;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.junit.jupiter.api.Nested;

/** The built-in templates pass the contract their authors' templates are held to. */
class BuiltInTemplatesKeepTheContractTest {
    @Nested
    class Systolic extends AcceleratorTemplateContract {
        @Override protected AcceleratorTemplate template() { return new SystolicTemplate(); }
    }

    @Nested
    class Spatial extends AcceleratorTemplateContract {
        @Override protected AcceleratorTemplate template() { return new SpatialTemplate(); }

        @Override protected int maxConfigurations() { return 40; }   // a mapping search per layer
    }
}
