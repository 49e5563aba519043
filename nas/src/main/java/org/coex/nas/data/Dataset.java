package org.coex.nas.data;

import java.util.List;

/** A data set in memory: training and test images and the class names in label order. */
public record Dataset(ImageSet train, ImageSet test, List<String> classNames) {
    public Dataset {
        classNames = List.copyOf(classNames);
        if (train.channels() != test.channels() || train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("training and test images differ in shape");
        }
    }
}
