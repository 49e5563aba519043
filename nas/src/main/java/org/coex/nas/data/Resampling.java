package org.coex.nas.data;

/**
 * Bilinear resampling of byte planes with half-pixel centres (OpenCV's INTER_LINEAR, PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)} without antialiasing): output pixel
 * (y, x) samples the input at ((y + 0.5) H / h - 0.5, (x + 0.5) W / w - 0.5), clamped to the edges,
 * rounded to the nearest byte.
 */
final class Resampling {
    private Resampling() {}

    static byte[] bilinear(byte[] planes, int channels, int rows, int cols, int outRows, int outCols) {
        if (rows == outRows && cols == outCols) return planes;
        byte[] out = new byte[channels * outRows * outCols];
        double sy = (double) rows / outRows;
        double sx = (double) cols / outCols;
        for (int c = 0; c < channels; c++) {
            int in = c * rows * cols;
            int o = c * outRows * outCols;
            for (int y = 0; y < outRows; y++) {
                double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), rows - 1);
                int y0 = (int) fy;
                int y1 = Math.min(y0 + 1, rows - 1);
                double wy = fy - y0;
                for (int x = 0; x < outCols; x++) {
                    double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), cols - 1);
                    int x0 = (int) fx;
                    int x1 = Math.min(x0 + 1, cols - 1);
                    double wx = fx - x0;
                    double top = (planes[in + y0 * cols + x0] & 0xff) * (1 - wx) + (planes[in + y0 * cols + x1] & 0xff) * wx;
                    double bottom = (planes[in + y1 * cols + x0] & 0xff) * (1 - wx) + (planes[in + y1 * cols + x1] & 0xff) * wx;
                    out[o + y * outCols + x] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return out;
    }

    /** Every image of a set resampled to {@code size}; the set itself when it has that size. */
    static ImageSet resize(ImageSet set, DataSpec.Size size) {
        if (size == null || (set.rows() == size.rows() && set.cols() == size.cols())) return set;
        int in = set.imageSize();
        int per = set.channels() * size.rows() * size.cols();
        byte[] out = new byte[set.count() * per];
        java.util.stream.IntStream.range(0, set.count()).parallel().forEach(i -> {
            byte[] one = java.util.Arrays.copyOfRange(set.pixels(), i * in, (i + 1) * in);
            System.arraycopy(bilinear(one, set.channels(), set.rows(), set.cols(), size.rows(), size.cols()), 0, out, i * per, per);
        });
        return new ImageSet(set.count(), set.channels(), size.rows(), size.cols(), out, set.labels());
    }
}
