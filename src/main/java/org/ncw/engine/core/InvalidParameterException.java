package org.ncw.engine.core;

/** A parameter value is out of its valid range; the message names the parameter. */
public class InvalidParameterException extends IllegalArgumentException {
    public InvalidParameterException(String message) {
        super(message);
    }
}
