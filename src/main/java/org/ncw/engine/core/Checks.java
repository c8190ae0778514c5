package org.ncw.engine.core;

/** Parameter validation for option records; messages name the parameter and the value. */
public final class Checks {
    private Checks() {
    }

    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidParameterException(name + " must be > 0, got " + value);
        }
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new InvalidParameterException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidParameterException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new InvalidParameterException(name + " must be given");
        }
        return value;
    }
}
