package org.ncw.engine.workbench;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchSessionTest {
    /** 1.5 s at 8 kHz: noise with a tone in the middle. */
    private static Signal input() {
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[12000];
        for (int i = 0; i < x.length; i++) {
            double t = i / 8000.0;
            x[i] = 0.02 * r.nextGaussian() + (t > 0.5 && t < 1 ? 0.3 * Math.sin(2 * Math.PI * 600 * t) : 0);
        }
        return new Signal(x, 8000);
    }

    @Test
    void eachStageRerunsOnlyWhenWhatItDependsOnChanges() {
        WorkbenchSession session = new WorkbenchSession(input());
        WorkbenchOptions w = WorkbenchOptions.defaults();
        WorkbenchSession.Run first = session.run(w, null, TaskMonitor.none());
        assertTrue(first.methods().stream().noneMatch(WorkbenchSession.MethodRun::cached));
        assertFalse(first.ica().cached());

        WorkbenchSession.Run again = session.run(w, null, TaskMonitor.none());
        assertTrue(again.methods().stream().allMatch(WorkbenchSession.MethodRun::cached));
        assertTrue(again.ica().cached());
        assertTrue(again.clustering().stages().stream().allMatch(t -> t.cached()));

        WorkbenchSession.Run denoiser = session.run(w.withDenoiser(w.denoiser().withGainFloorDb(-20)), null,
                TaskMonitor.none());
        assertTrue(denoiser.methods().get(0).cached(), "the production chain is reused");
        assertFalse(denoiser.methods().get(1).cached(), "the denoiser reruns");
        assertTrue(denoiser.ica().cached(), "ICA on noisy + speech does not depend on the denoiser");

        WorkbenchSession.Run mask = session.run(w.withClustering(w.clustering().withMask(
                w.mask().withMode(org.ncw.engine.mask.MaskMode.REDUCE))), null, TaskMonitor.none());
        assertFalse(mask.ica().cached(), "new speech, new ICA");
        assertSame(first.clustering().clustering(), mask.clustering().clustering(), "the clustering is reused");

        Signal estimate = first.methods().get(1).output().output();
        assertSame(session.score(estimate, session.input()), session.score(estimate, session.input()));
    }
}
