package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;
import org.ncw.engine.production.ProductionResult;
import org.ncw.engine.production.ProductionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A production chain: the preset of its name with the experiment's overrides ("production:custom": its own). */
final class ProductionMethod implements Method<ProductionSettings> {
    private final String preset;

    ProductionMethod(String preset) {
        this.preset = preset;
    }

    @Override
    public String name() {
        return "production:" + preset;
    }

    @Override
    public Kind kind() {
        return Kind.PRODUCTION;
    }

    @Override
    public Class<ProductionSettings> optionsType() {
        return ProductionSettings.class;
    }

    @Override
    public ProductionSettings options(WorkbenchOptions experiment) {
        ProductionSettings s = experiment.production();
        return preset.equals(s.preset()) ? s : s.withPreset(preset);
    }

    @Override
    public MethodOutput run(Signal noisy, ProductionSettings options, TaskMonitor monitor) {
        ProductionChain chain = options.chain();
        ProductionResult result = ProductionDenoiser.fit(noisy, chain, monitor);
        List<String> details = new ArrayList<>();
        details.add(options.source() + (chain.description().isBlank() ? "" : " (" + chain.description() + ")"));
        int i = 1;
        for (ProductionResult.StageReport stage : result.stages()) {
            details.add(String.format(Locale.ROOT, "  %d. %s  [%.3f s]", i++, stage.description(), stage.seconds()));
        }
        if (result.stages().isEmpty()) {
            details.add("  (no stages: the output equals the input)");
        }
        return new MethodOutput(result.output(), result.residue(), details);
    }
}
