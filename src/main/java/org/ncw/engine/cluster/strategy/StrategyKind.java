package org.ncw.engine.cluster.strategy;

/** Which points are clustered together. */
public enum StrategyKind {
    /** The whole dataset in one clustering. */
    COMPLETE,
    /** Each frame (column) on its own, frames in parallel; roles assigned per column. */
    COLUMN
}
