package org.ncw.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ncw.engine.core.Json;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.workbench.WorkbenchOptions;

/**
 * Fuzzes every JSON loader a user's file reaches: the experiment file (all its versions), the clustering
 * experiment options and the production chain. A refusal must be an IllegalArgumentException (the project's
 * InvalidParameterException) with a message; seeds in {@code src/test/resources/org/ncw/fuzz/JsonLoadersFuzzTestInputs/}.
 */
class JsonLoadersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void experiment(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        FuzzChecks.expectResultOrRefusal(() -> WorkbenchOptions.fromJson(json), IllegalArgumentException.class);
    }

    @FuzzTest(maxDuration = "30s")
    void experimentOptions(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        FuzzChecks.expectResultOrRefusal(() -> Json.read(json, ExperimentOptions.class),
                IllegalArgumentException.class);
    }

    @FuzzTest(maxDuration = "30s")
    void productionChain(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        FuzzChecks.expectResultOrRefusal(() -> ProductionChain.fromJson(json), IllegalArgumentException.class);
    }
}
