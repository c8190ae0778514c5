package org.ncw.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every benchmark case of the project; {@code ncw bench} runs them. Add one line per case. */
public final class BenchSuite {
    private BenchSuite() {
    }

    public static List<Supplier<BenchCase>> all() {
        List<Supplier<BenchCase>> cases = new ArrayList<>();
        cases.add(StftBench::new);
        cases.add(() -> new ResampleBench(22050, 16000));
        cases.add(() -> new ResampleBench(48000, 16000));
        cases.add(WavIoBench::new);
        cases.add(IcaBench::new);
        cases.add(() -> new ProductionBench("default"));
        cases.add(() -> new ProductionBench("gate-nonstationary"));
        cases.add(IcaPipelineBench::new);
        cases.add(() -> new DenoiseBench(16000, 0.01));
        cases.add(() -> new DenoiseBench(48000, 0.03));
        cases.add(() -> new StreamingDenoiseBench(16000, 0.005));
        cases.add(() -> new StreamingDenoiseBench(48000, 0.01));
        cases.addAll(ClusterStrategyBench.cases());
        cases.addAll(ClusterStrategyBench.combinations());
        return cases;
    }
}
