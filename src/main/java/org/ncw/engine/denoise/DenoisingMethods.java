package org.ncw.engine.denoise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every blind denoising method of the project with its documented defaults, in the order the quality benchmark
 * lists them. A new method joins with one line in {@link #all()}.
 */
public final class DenoisingMethods {
    /** The identity: the noisy input itself (the benchmark's zero line). */
    public static final DenoisingMethod UNPROCESSED = DenoisingMethod.of("unprocessed", (noisy, monitor) -> noisy);
    /** The blind denoiser with its defaults (the default of {@code ncw denoise}). */
    public static final DenoisingMethod BLIND_DENOISER = DenoisingMethod.of("blind-denoiser",
            (noisy, monitor) -> BlindDenoiser.fit(noisy, BlindDenoiserOptions.defaults(), monitor).enhanced());

    private DenoisingMethods() {
    }

    public static List<DenoisingMethod> all() {
        List<DenoisingMethod> methods = new ArrayList<>();
        methods.add(UNPROCESSED);
        methods.add(BLIND_DENOISER);
        return List.copyOf(methods);
    }

    public static Optional<DenoisingMethod> byName(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
