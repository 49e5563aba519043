package org.coex.dance.rules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.coex.nas.supernet.TorchScalars;
import org.coex.nas.train.Updater;
import org.junit.jupiter.api.Test;

/**
 * No main code of nas, evaluator or dance multiplies, divides, raises or clamps an {@link NDArray}
 * by a Java number through DJL's Number overloads: DJL's PyTorch engine backs that number with a
 * direct buffer it frees at once, and a backward pass that reads the number reads freed memory
 * (docs/architecture.md; {@link TorchScalars} is the safe way, {@code TorchScalarsTest} shows the
 * failure). add and sub are allowed: their backward never reads the number. So is {@link Updater},
 * which steps parameters after the backward pass, outside any gradient collector, where nothing is
 * recorded.
 */
class RecordedGraphScalarsTest {
    private static final String SCALAR_READ_BY_BACKWARD = "(mul|div|pow|maximum|minimum|rdiv|rpow)i?";

    @Test
    void noJavaNumberEntersAGraphThroughDjlsNumberOverloads() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.coex.nas", "org.coex.evaluator", "org.coex.dance");
        ArchRule rule = noClasses().that().doNotBelongToAnyOf(TorchScalars.class, Updater.class)
                .should().callMethodWhere(target(owner(describe("NDArray or NDArrays", o -> o.isAssignableTo(NDArray.class) || o.isEquivalentTo(NDArrays.class))))
                        .and(target(nameMatching(SCALAR_READ_BY_BACKWARD)))
                        .and(target(describe("a Number parameter", t -> t.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(Number.class))))))
                .because("the number's buffer is freed before the backward pass reads it; use TorchScalars");
        rule.check(main);
    }
}
