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
    private static volatile MaskNetwork builtin;

    public MaskNetwork {
        if (sizes == null || sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new InvalidParameterException("a mask network needs an input size and one output");
        }
        if (sizes[0] != BandMask.INPUTS) {
            throw new InvalidParameterException("a mask network must take " + BandMask.INPUTS + " inputs, this one takes "
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

    /** The shipped network (read once). */
    public static MaskNetwork builtin() {
        MaskNetwork b = builtin;
        if (b == null) {
            try (InputStream in = MaskNetwork.class.getResourceAsStream(BUILTIN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in mask network " + BUILTIN_RESOURCE
                            + " is missing from the class path");
                }
                b = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), MaskNetwork.class);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in mask network: " + e.getMessage(), e);
            }
            builtin = b;
        }
        return b;
    }

    public static MaskNetwork read(Path file) throws IOException {
        return Json.read(Files.readString(file), MaskNetwork.class);
    }

    public void write(Path file, WriteMode mode, OutputGuard guard) throws IOException {
        AtomicFileWriter.writeString(file, mode, guard, Json.mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
                + System.lineSeparator());
    }

    /** Gains in (0, 1) of {@code n} inputs laid out one after another. */
    double[] predict(double[] inputs, int n) {
        return MaskNetworkAdapter.predict(this, inputs, n);
    }
}
