package org.ncw.engine.denoise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

/**
 * A trained band-mask network: inputs standardised by {@code mean} / {@code sd}, ReLU hidden layers, one sigmoid
 * output (the band's gain). {@code weights[l]} is layer l's matrix, column-major with {@code sizes[l + 1]} rows
 * (outputs) and {@code sizes[l]} columns (inputs). Immutable by convention (the arrays are not exposed to callers
 * outside the package). {@code trainedOn} says what it learnt from, for the record.
 *
 * <p>How its output is used travels with it, since the two were chosen together: the denoiser's gain becomes
 * mask^{@code combineWeight} x analytic^(1 - {@code combineWeight}), bounded below by {@code floorDb}.
 */
public record MaskNetwork(int[] sizes, double[][] weights, double[][] biases, double[] mean, double[] sd,
                          double combineWeight, double floorDb, String trainedOn) {
    /** The network the project ships, trained by {@code ncw train-mask} (see docs/quality.md). */
    public static final String BUILTIN_RESOURCE = "/org/ncw/assets/models/band-mask.json";
    /** The causal network the project ships for the streaming denoiser ({@code ncw train-mask --streaming}). */
    public static final String BUILTIN_STREAMING_RESOURCE = "/org/ncw/assets/models/streaming-mask.json";
    private static volatile MaskNetwork builtin;
    private static volatile MaskNetwork builtinStreaming;

    public MaskNetwork {
        if (sizes == null || sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new InvalidParameterException("a mask network needs an input size and one output");
        }
        if (sizes[0] != BandMask.OFFLINE.inputs() && sizes[0] != BandMask.CAUSAL.inputs()) {
            throw new InvalidParameterException("a mask network must take " + BandMask.OFFLINE.inputs()
                    + " inputs (blind denoiser) or " + BandMask.CAUSAL.inputs() + " (streaming), this one takes "
                    + sizes[0]);
        }
        if (!(combineWeight >= 0 && combineWeight <= 1)) {
            throw new InvalidParameterException("combineWeight must be in [0, 1], got " + combineWeight);
        }
        if (!(floorDb >= -80 && floorDb <= 0)) {
            throw new InvalidParameterException("floorDb must be in [-80, 0], got " + floorDb);
        }
        if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
            throw new InvalidParameterException("a mask network needs one weight matrix and bias per layer");
        }
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
                throw new InvalidParameterException("mask network layer " + l + " has the wrong size");
            }
        }
        if (mean.length != sizes[0] || sd.length != sizes[0]) {
            throw new InvalidParameterException("mask network standardisation has the wrong size");
        }
        for (double[] w : weights) {
            for (double v : w) {
                if (!Double.isFinite(v)) {
                    throw new InvalidParameterException("mask network weights must be finite");
                }
            }
        }
    }

    /** The shipped network of the blind denoiser (read once). */
    public static MaskNetwork builtin() {
        MaskNetwork b = builtin;
        if (b == null) {
            b = resource(BUILTIN_RESOURCE);
            builtin = b;
        }
        return b;
    }

    /** The shipped causal network of the streaming denoiser (read once). */
    public static MaskNetwork builtinStreaming() {
        MaskNetwork b = builtinStreaming;
        if (b == null) {
            b = resource(BUILTIN_STREAMING_RESOURCE);
            builtinStreaming = b;
        }
        return b;
    }

    private static MaskNetwork resource(String name) {
        try (InputStream in = MaskNetwork.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in mask network " + name + " is missing from the class path");
            }
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), MaskNetwork.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in mask network: " + e.getMessage(), e);
        }
    }

    /** The cells it reads around each band cell: which denoiser it was trained for. */
    public BandMask.Context context() {
        return sizes[0] == BandMask.OFFLINE.inputs() ? BandMask.OFFLINE : BandMask.CAUSAL;
    }

    public static MaskNetwork read(Path file) throws IOException {
        return Json.read(Files.readString(file), MaskNetwork.class);
    }

    public void write(Path file, WriteMode mode, OutputGuard guard) throws IOException {
        AtomicFileWriter.writeString(file, mode, guard, Json.mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
                + System.lineSeparator());
    }

    /** A reusable forward pass over batches of a fixed size (the streaming denoiser's 32 bands per frame). */
    public interface Predictor {
        /** Gains in (0, 1) of {@code n} raw inputs laid out one after another; the array is reused by the next call. */
        double[] predict(double[] inputs, int n);
    }

    /**
     * A predictor for batches of {@code batch} samples, in single precision: the outputs of {@link #predict} to
     * about 1e-6.
     */
    public Predictor predictor(int batch) {
        return MaskNetworkAdapter.predictor(this, batch);
    }

    /** Gains in (0, 1) of {@code n} inputs laid out one after another. */
    public double[] predict(double[] inputs, int n) {
        return MaskNetworkAdapter.predict(this, inputs, n);
    }
}
