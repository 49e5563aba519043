/**
 * DANCE + HDX co-exploration (issue "dance + hdx", not built yet): the search loop coupling the nas
 * supernet, the evaluator and HDX's gradient projection, YAML search specs, baselines and run
 * directories. Today the module hosts the {@code coex} command line ({@code cli}).
 */
package org.coex.dance;
