/**
 * The accelerator-template extension point: {@link org.coex.accel.template.AcceleratorTemplate}
 * (design space + configure) and {@link org.coex.accel.template.Accelerator} (evaluate layer or
 * network -> cost). Front door: {@link org.coex.accel.template.Templates}, which discovers templates
 * with {@link java.util.ServiceLoader}. Built-in: {@code systolic} (subpackage).
 * <p>Pipeline: {@code workload} + {@code space} + {@code tech} -> <b>template</b> -> {@code cost}.
 * No template reaches into sweeps; sweeps only ask templates for costs.
 */
package org.coex.accel.template;
