package org.ncw.bench;

import org.ncw.engine.stream.SampleSink;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

/**
 * The streaming denoiser (defaults) on 60 s of 16 kHz audio (harmonic bursts in noise), fed in blocks of 160
 * samples (10 ms, a sound card's usual period) through one {@link StreamingDenoiser.Processor}, as
 * {@code ncw denoise --method streaming} runs it; its algorithm is single-threaded. Target: RTF <= 0.05.
 */
public final class StreamingDenoiseBench extends RealTimeDenoiseBench {
    private static final int BLOCK = 160;

    @Override
    public String name() {
        return "streaming denoiser (defaults), 160-sample blocks";
    }

    @Override
    public Object run() throws Exception {
        double[] x = input().samples();
        double[] sum = {0};
        SampleSink sink = (y, off, len) -> sum[0] += y[off + len - 1];
        return timed(() -> {
            StreamingDenoiser.Processor p = StreamingDenoiser.open(SAMPLE_RATE, StreamingDenoiserOptions.defaults());
            for (int i = 0; i < x.length; i += BLOCK) {
                p.process(x, i, Math.min(BLOCK, x.length - i), sink);
            }
            p.flush(sink);
            return sum[0];
        });
    }
}
