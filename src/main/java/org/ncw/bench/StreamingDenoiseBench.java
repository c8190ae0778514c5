package org.ncw.bench;

import org.ncw.engine.stream.SampleSink;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

/**
 * The streaming denoiser (defaults) on 60 s of audio (harmonic bursts in noise), fed in blocks of 10 ms (a sound
 * card's usual period) through one {@link StreamingDenoiser.Processor}, as {@code ncw denoise --method streaming}
 * runs it; its algorithm is single-threaded. Targets (issue 14): RTF <= 0.005 at 16 kHz, <= 0.01 at 48 kHz.
 */
public final class StreamingDenoiseBench extends RealTimeDenoiseBench {
    private final int block;

    StreamingDenoiseBench(int sampleRate, double targetRtf) {
        super(sampleRate, targetRtf);
        this.block = sampleRate / 100;
    }

    @Override
    public String name() {
        return "streaming denoiser (defaults), " + block + "-sample blocks";
    }

    @Override
    public String notes() {
        int latency = StreamingDenoiserOptions.defaults().latencySamples(sampleRate);
        return super.notes() + String.format(java.util.Locale.ROOT, " latency=%d samples=%.1f ms", latency,
                1000.0 * latency / sampleRate);
    }

    @Override
    public Object run() throws Exception {
        double[] x = input().samples();
        double[] sum = {0};
        SampleSink sink = (y, off, len) -> sum[0] += y[off + len - 1];
        return timed(() -> {
            StreamingDenoiser.Processor p = StreamingDenoiser.open(sampleRate, StreamingDenoiserOptions.defaults());
            for (int i = 0; i < x.length; i += block) {
                p.process(x, i, Math.min(block, x.length - i), sink);
            }
            p.flush(sink);
            return sum[0];
        });
    }
}
