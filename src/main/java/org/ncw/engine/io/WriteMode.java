package org.ncw.engine.io;

/** What to do when the output file already exists. Input files are never overwritten, whatever the mode. */
public enum WriteMode {
    FAIL_IF_EXISTS, OVERWRITE
}
