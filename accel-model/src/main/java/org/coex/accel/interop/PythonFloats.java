package org.coex.accel.interop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as Python 3's {@code str(float)} / {@code repr(float)} does: the shortest
 * decimal that reads back to the same double, in positional notation when the decimal exponent is
 * in [-4, 16) ({@code 91.68309650614964}, {@code 100.0}, {@code 0.0001}) and as {@code 1e-05} /
 * {@code 1.5e+16} otherwise. Needed because Java 17's {@link Double#toString} is neither always
 * shortest nor in Python's layout, and SCALE-Sim's reports are Python's.
 */
public final class PythonFloats {
    private PythonFloats() {}

    public static String repr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortest(d);
        String sign = d < 0 ? "-" : "";
        BigDecimal abs = shortest.abs().stripTrailingZeros();
        int exponent = abs.precision() - abs.scale() - 1;
        if (exponent >= -5 + 1 && exponent < 16) {
            String plain = abs.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String digits = abs.unscaledValue().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /** The shortest decimal that rounds to {@code d}; of several, the closest. */
    static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) return nearest;
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(nearest.precision() - nearest.scale() - p);
            for (BigDecimal c : new BigDecimal[] {nearest.add(unit), nearest.subtract(unit)}) {
                if (c.doubleValue() == d) return c;
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }
}
