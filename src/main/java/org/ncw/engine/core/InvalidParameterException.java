package org.ncw.engine.core;

/**
 * A parameter value is out of its valid range; the message names the parameter. The message is made one line
 * ({@link OneLine}): it often echoes what the user gave, which may hold newlines or terminal escapes.
 */
public class InvalidParameterException extends IllegalArgumentException {
    public InvalidParameterException(String message) {
        super(OneLine.of(message));
    }
}
