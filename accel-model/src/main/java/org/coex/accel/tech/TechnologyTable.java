package org.coex.accel.tech;

import java.util.Comparator;
import java.util.List;
import org.coex.accel.Checks;

/**
 * Energy per action and area per component of one technology, for words of {@code wordBits}.
 *
 * <p>Rules (documented in docs/cost-model.md):
 * <ul>
 *   <li>Energies scale linearly with the word width: {@code E(bits) = E * bits / wordBits}; register
 *       areas too. MAC energy and area scale from the operand width the MAC was published at
 *       ({@code macBits}: the Accelergy MACs are 8-bit multipliers with 16-bit adders).</li>
 *   <li>SRAM energy per access between two published sizes is interpolated linearly in the size
 *       ({@link Interpolation#LINEAR}, Timeloop's legacy rule) or in log2 of the size
 *       ({@link Interpolation#LOG2}); beyond the smallest or largest point it scales with
 *       {@code sqrt(size / size_end)} (wire-dominated, as CACTI's trend).</li>
 *   <li>SRAM area is the published area per byte (interpolated like energy) times the size.</li>
 * </ul>
 */
public record TechnologyTable(String name, String source, int wordBits, int macBits, double macPj, double macAreaUm2,
                              double registerPj, double registerAreaUm2, double arrayPjPerWord, double dramPjPerWord,
                              Interpolation interpolation, List<SramPoint> sram) {

    /** How SRAM figures are interpolated between published sizes. */
    public enum Interpolation { LINEAR, LOG2 }

    public TechnologyTable {
        Checks.notBlank("name", name);
        source = source == null ? "" : source;
        Checks.positive("wordBits", wordBits);
        Checks.positive("macBits", macBits);
        Checks.nonNegative("macPj", macPj);
        Checks.nonNegative("macAreaUm2", macAreaUm2);
        Checks.nonNegative("registerPj", registerPj);
        Checks.nonNegative("registerAreaUm2", registerAreaUm2);
        Checks.nonNegative("arrayPjPerWord", arrayPjPerWord);
        Checks.nonNegative("dramPjPerWord", dramPjPerWord);
        Checks.notNull("interpolation", interpolation);
        sram = sram.stream().sorted(Comparator.comparingDouble(SramPoint::bytes)).toList();
        if (sram.isEmpty()) throw new IllegalArgumentException(name + ": at least one SRAM point is needed");
    }

    private double widthScale(int bits) { return (double) bits / wordBits; }

    /** A MAC on operands of {@code bits}: the published MAC (operands of macBits) scaled linearly. */
    public double macPj(int bits) { return macPj * bits / macBits; }

    public double macAreaUm2(int bits) { return macAreaUm2 * bits / macBits; }

    public double registerPj(int bits) { return registerPj * widthScale(bits); }

    public double registerAreaUm2(int bits) { return registerAreaUm2 * widthScale(bits); }

    public double dramPj(int bits) { return dramPjPerWord * widthScale(bits); }

    /** Moving one word of {@code bits} across the PE array (PE-to-PE / array network; Eyeriss's "array" level). */
    public double arrayPj(int bits) { return arrayPjPerWord * widthScale(bits); }

    /** Energy of reading one word of {@code bits} from an SRAM of {@code bytes}. */
    public double sramReadPj(double bytes, int bits) { return interpolate(bytes, Figure.READ) * widthScale(bits); }

    /** Energy of writing one word of {@code bits} into an SRAM of {@code bytes}. */
    public double sramWritePj(double bytes, int bits) { return interpolate(bytes, Figure.WRITE) * widthScale(bits); }

    /** Area of an SRAM of {@code bytes}: interpolated area per byte times bytes. */
    public double sramAreaUm2(double bytes) {
        if (bytes <= 0) return 0;
        return interpolate(bytes, Figure.AREA_PER_BYTE) * bytes;
    }

    private enum Figure { READ, WRITE, AREA_PER_BYTE }

    private static double value(SramPoint p, Figure f) {
        return switch (f) {
            case READ -> p.readPj();
            case WRITE -> p.writePj();
            case AREA_PER_BYTE -> p.areaUm2() / p.bytes();
        };
    }

    private double interpolate(double bytes, Figure f) {
        SramPoint lo = sram.get(0);
        SramPoint hi = sram.get(sram.size() - 1);
        boolean energy = f != Figure.AREA_PER_BYTE;
        if (bytes <= lo.bytes()) return value(lo, f) * (energy ? Math.sqrt(bytes / lo.bytes()) : 1);
        if (bytes >= hi.bytes()) return value(hi, f) * (energy ? Math.sqrt(bytes / hi.bytes()) : 1);
        for (int i = 1; i < sram.size(); i++) {
            SramPoint b = sram.get(i);
            if (bytes <= b.bytes()) {
                SramPoint a = sram.get(i - 1);
                double t = interpolation == Interpolation.LINEAR
                        ? (bytes - a.bytes()) / (b.bytes() - a.bytes())
                        : Math.log(bytes / a.bytes()) / Math.log(b.bytes() / a.bytes());
                return value(a, f) + t * (value(b, f) - value(a, f));
            }
        }
        throw new AssertionError("unreachable");
    }
}
