package org.ncw.bench;

/** Timings of one case after warm-up: seconds per run. */
public record BenchResult(String group, String name, String size, int runs, double minSeconds,
                          double medianSeconds, double maxSeconds, String target, double targetSeconds,
                          String notes, String error) {

    public boolean meetsTarget() {
        return error == null && !Double.isNaN(targetSeconds) && medianSeconds <= targetSeconds;
    }
}
