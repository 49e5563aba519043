package org.coex.nas.train;

/** The training loss stopped being a finite number: the learning rate is too high for this run. */
public final class TrainingDiverged extends RuntimeException {
    public TrainingDiverged(int epoch, int step, float loss, String lrSetting, double lr) {
        super("training diverged at epoch " + (epoch + 1) + ", step " + (step + 1) + " (loss " + loss + "); lower " + lrSetting
                + " (now " + lr + ") and start again");
    }

    /** Returns {@code loss} when finite, else throws. */
    public static float check(float loss, int epoch, int step, String lrSetting, double lr) {
        if (!Float.isFinite(loss)) throw new TrainingDiverged(epoch, step, loss, lrSetting, lr);
        return loss;
    }
}
