package org.ncw.engine.cluster.strategy;

import org.ncw.engine.core.Checks;

/** A strategy driven by its options, the clusterer settings and the factory that builds clusterers from them. */
abstract class SettingsStrategy implements ClusteringStrategy {
    final StrategyOptions options;
    final ClusterSettings settings;
    final ClustererFactory factory;

    SettingsStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        this.options = Checks.notNull("options", options);
        this.settings = Checks.notNull("settings", settings);
        this.factory = Checks.notNull("factory", factory);
    }
}
