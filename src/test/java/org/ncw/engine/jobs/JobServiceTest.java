package org.ncw.engine.jobs;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.ProgressListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobServiceTest {

    @Test
    void callingThreadRunsSynchronously() throws Exception {
        try (JobService jobs = JobService.callingThread()) {
            Thread caller = Thread.currentThread();
            Job<Thread> job = jobs.submit("t", ProgressListener.NONE, m -> Thread.currentThread());
            assertTrue(job.future().isDone());
            assertEquals(caller, job.future().get());
        }
    }

    @Test
    void backgroundJobIsCancelledCooperatively() throws Exception {
        try (JobService jobs = JobService.background(1)) {
            CountDownLatch started = new CountDownLatch(1);
            Job<Integer> job = jobs.submit("loop", ProgressListener.NONE, m -> {
                started.countDown();
                for (long i = 0; ; i++) {
                    m.step(i, Long.MAX_VALUE);
                    Thread.onSpinWait();
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            job.cancel();
            ExecutionException ex = assertThrows(ExecutionException.class, () -> job.future().get(5, TimeUnit.SECONDS));
            assertInstanceOf(CancelledException.class, ex.getCause());
        }
    }

    @Test
    void failuresReachTheFuture() {
        try (JobService jobs = JobService.callingThread()) {
            Job<Object> job = jobs.submit("fail", ProgressListener.NONE, m -> {
                throw new IllegalStateException("boom");
            });
            ExecutionException ex = assertThrows(ExecutionException.class, () -> job.future().get());
            assertEquals("boom", ex.getCause().getMessage());
        }
    }
}
