package org.coex.nas.space;

/**
 * A candidate operation of a searchable layer: an MBConv (1x1 expansion by {@code expansion}, a
 * depthwise {@code kernel x kernel} convolution, a 1x1 projection; no expansion conv when the
 * expansion is 1) or {@link #SKIP} (identity; allowed only where input and output shapes agree).
 */
public record Op(String name, int kernel, int expansion) {
    public static final Op SKIP = new Op("skip", 0, 0);

    public Op {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("op name must not be blank");
        if (!name.equals("skip") && (kernel < 1 || kernel % 2 == 0 || expansion < 1)) {
            throw new IllegalArgumentException(name + ": kernel must be odd and >= 1, expansion >= 1");
        }
    }

    public static Op mbconv(int kernel, int expansion) { return new Op("mbconv_k" + kernel + "_e" + expansion, kernel, expansion); }

    public boolean isSkip() { return this.equals(SKIP); }
}
