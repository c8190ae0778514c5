package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Helpers shared by the stage records: JSON defaults and running an IIR filter over a signal. */
final class Stages {
    static final int DEFAULT_ORDER = 4;

    private Stages() {
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new InvalidParameterException(name + " must be given");
        }
        return value;
    }

    /** JSON name of a stage enum constant: lower case without underscores (LOW_SHELF is {@code lowshelf}). */
    static String jsonName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /**
     * The constant whose {@link #jsonName} equals {@code key} ignoring case; otherwise an error naming
     * {@code what}, the choices and the {@code given} text, e.g. "gate mode must be stationary or nonstationary".
     */
    static <E extends Enum<E>> E parseJsonName(E[] values, String key, String what, String given) {
        for (E v : values) {
            if (jsonName(v).equalsIgnoreCase(key)) {
                return v;
            }
        }
        List<String> names = Arrays.stream(values).map(Stages::jsonName).toList();
        String choices = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new InvalidParameterException(what + " must be " + choices + ", got '" + given + "'");
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static int checkOrder(int order) {
        Checks.atLeast("order", order, 1);
        if (order > IirAdapter.MAX_ORDER) {
            throw new InvalidParameterException("order must be <= " + IirAdapter.MAX_ORDER + ", got " + order);
        }
        return order;
    }

    /** Filters causally or forward-backward (zero phase); the result has the input's length and rate. */
    static Signal filter(Signal input, SosFilter filter, boolean zeroPhase, TaskMonitor monitor) {
        monitor.checkCancelled();
        double[] out = zeroPhase ? filter.filtfilt(input.samples()) : filter.filter(input.samples());
        monitor.done();
        return input.withSamples(out);
    }

    static String phase(boolean zeroPhase) {
        return zeroPhase ? "zero-phase" : "causal";
    }
}
