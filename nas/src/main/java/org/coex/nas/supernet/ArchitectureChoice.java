package org.coex.nas.supernet;

import ai.djl.nn.Parameter;

/** A categorical block of a supernet's architecture: a layer's op ({@link MixedOp}) or a stage's width ({@link WidthChoice}). */
public interface ArchitectureChoice {
    /** Its architecture parameters, one per choice, zero at start. */
    Parameter alpha();

    /** Until {@code fix(-1)}, every forward pass takes this choice alone, whatever the sampler says. */
    void fix(int choice);
}
