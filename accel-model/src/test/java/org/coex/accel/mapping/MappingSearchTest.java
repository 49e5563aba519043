package org.coex.accel.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coex.accel.nest.ConvProblem;
import org.coex.accel.nest.EyerissLikeFixture;
import org.coex.accel.nest.MappingChecks;
import org.coex.accel.nest.NestAnalysis;
import org.coex.accel.nest.NestResult;
import org.junit.jupiter.api.Test;

class MappingSearchTest {

    @Test
    void findsAMappingAtLeastAsGoodInEdpAsTimeloopsMapper() {
        NestResult timeloop = NestAnalysis.evaluate(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH, EyerissLikeFixture.VGG_MAPPING);
        MappingSearch.Result ours = MappingSearch.search(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH,
                EyerissRowStationary.SPACE, Metric.EDP).orElseThrow();
        assertTrue(MappingChecks.problems(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH, ours.mapping()).isEmpty());
        assertTrue(Metric.EDP.of(ours.cost()) <= Metric.EDP.of(timeloop),
                "ours " + Metric.EDP.of(ours.cost()) + " vs Timeloop " + Metric.EDP.of(timeloop));
    }

    @Test
    void aSmallMapSpaceIsSearchedExhaustively() {
        // a 2x2 output, 2 filters, 1 channel, 1x1 kernel: a handful of legal tilings
        ConvProblem tiny = new ConvProblem(1, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1);
        MappingSearch.Result r = MappingSearch.search(tiny, EyerissLikeFixture.ARCH, EyerissRowStationary.SPACE, Metric.ENERGY).orElseThrow();
        assertTrue(r.exhaustive());
        assertTrue(MappingChecks.problems(tiny, EyerissLikeFixture.ARCH, r.mapping()).isEmpty());
        // and the VGG layer is too big for that: the staged search answers
        assertTrue(!MappingSearch.search(EyerissLikeFixture.VGG_CONV, EyerissLikeFixture.ARCH, EyerissRowStationary.SPACE,
                Metric.EDP).orElseThrow().exhaustive());
    }

    @Test
    void sameInputsGiveTheSameMapping() {
        var a = MappingSearch.search(EyerissLikeFixture.STRIDE2_CONV, EyerissLikeFixture.ARCH, EyerissRowStationary.SPACE, Metric.ENERGY);
        var b = MappingSearch.search(EyerissLikeFixture.STRIDE2_CONV, EyerissLikeFixture.ARCH, EyerissRowStationary.SPACE, Metric.ENERGY);
        assertEquals(a.orElseThrow().mapping(), b.orElseThrow().mapping());
    }
}
