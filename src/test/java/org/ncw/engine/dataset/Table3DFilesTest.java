package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.Intensity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Table3DFilesTest {
    @TempDir
    Path dir;

    private static SpectrogramMatrix matrix(Intensity intensity) {
        int bins = 5;
        int frames = 4;
        double[] v = new Random(7).doubles(bins * frames, -80, 0).toArray();
        return new SpectrogramMatrix(new TfMatrix(bins, frames, v),
                TfAxes.uniform(bins, frames, 0, 128 / 22050.0, 22050 / 8.0), intensity);
    }

    @Test
    void writesTheDocumentedTsvFormat() throws IOException {
        Path out = dir.resolve("t.tsv");
        SpectrogramMatrix m = new SpectrogramMatrix(new TfMatrix(2, 2, new double[] {-1.5, 0, 2, 3}),
                TfAxes.uniform(2, 2, 0, 0.5, 4000), Intensity.DB);
        Table3DFiles.write(Table3D.of(m), out, TaskMonitor.none());
        assertEquals(List.of("frame\tbin\ttime_s\tfreq_hz\tdb",
                "0\t0\t0.0\t0.0\t-1.5",
                "0\t1\t0.0\t4000.0\t0.0",
                "1\t0\t0.5\t0.0\t2.0",
                "1\t1\t0.5\t4000.0\t3.0"), Files.readAllLines(out));
        Path csv = dir.resolve("t.csv");
        Table3DFiles.write(Table3D.withCentroidDistance(m, 1000), csv, TaskMonitor.none());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("frame,bin,time_s,freq_hz,db,centroid_distance_hz", lines.get(0));
        assertEquals("0,1,0.0,4000.0,0.0,3000.0", lines.get(2));
    }

    @Test
    void roundTripsExactlyInBothFormats() throws IOException {
        for (String name : new String[] {"a.tsv", "b.csv"}) {
            for (Intensity intensity : Intensity.values()) {
                SpectrogramMatrix m = matrix(intensity);
                Table3D table = Table3D.withCentroidDistance(m, 1234.5);
                Path out = dir.resolve(intensity + name);
                Table3DFiles.write(table, out, TaskMonitor.none());
                Table3D back = Table3DFiles.read(out);
                assertEquals(intensity, back.matrix().intensity());
                assertEquals(m.bins(), back.matrix().bins());
                assertEquals(m.frames(), back.matrix().frames());
                assertArrayEquals(m.values().values(), back.matrix().values().values(), 0);
                assertArrayEquals(m.axes().frameTimesSeconds(), back.matrix().axes().frameTimesSeconds(), 0);
                assertArrayEquals(m.axes().binFrequenciesHz(), back.matrix().axes().binFrequenciesHz(), 0);
                assertArrayEquals(table.centroidDistanceHz(), back.centroidDistanceHz(), 0);
            }
        }
        Path plain = dir.resolve("plain.tsv");
        Table3DFiles.write(Table3D.of(matrix(Intensity.POWER)), plain, TaskMonitor.none());
        assertFalse(Table3DFiles.read(plain).hasCentroidDistance());
    }

    @Test
    void rowAccessorsFollowFrameMajorOrder() {
        Table3D t = Table3D.withCentroidDistance(matrix(Intensity.DB), 5000);
        int row = 2 * 5 + 3;
        assertEquals(2, t.frame(row));
        assertEquals(3, t.bin(row));
        assertEquals(2 * 128 / 22050.0, t.timeSeconds(row), 1e-15);
        assertEquals(3 * 22050 / 8.0, t.frequencyHz(row), 1e-9);
        assertEquals(t.matrix().values().get(3, 2), t.intensity(row));
        assertEquals(Math.abs(3 * 22050 / 8.0 - 5000), t.centroidDistanceHz(row), 1e-9);
        assertEquals(20, t.rowCount());
        assertThrows(IllegalStateException.class, () -> Table3D.of(matrix(Intensity.DB)).centroidDistanceHz(0));
    }

    @Test
    void readsRowsInAnyOrderAndReportsBrokenFiles() throws IOException {
        Path shuffled = dir.resolve("s.csv");
        Files.writeString(shuffled, "frame,bin,time_s,freq_hz,magnitude\n1,1,1,10,4\n0,0,0,0,1\n1,0,1,0,3\n0,1,0,10,2\n");
        Table3D t = Table3DFiles.read(shuffled);
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.matrix().values().values(), 0);

        assertMessage("frame,bin,time_s,freq_hz,loudness\n0,0,0,0,1\n", "unknown intensity column 'loudness'");
        assertMessage("frame,bin,time,freq_hz,db\n0,0,0,0,1\n", "header must be");
        assertMessage("frame,bin,time_s,freq_hz,db\n0,0,0,0,1\n0,1,0,10\n", "line 3: expected 5 fields, got 4");
        assertMessage("frame,bin,time_s,freq_hz,db\n0,0,0,0,x\n", "line 2: not a number");
        assertMessage("frame,bin,time_s,freq_hz,db\n0,0,0,0,1\n1,1,1,10,1\n", "do not form a full grid");
        assertMessage("frame,bin,time_s,freq_hz,db\n0,0,0,0,1\n0,0,0,0,1\n0,1,0,1,1\n1,0,1,0,1\n",
                "frame 0 bin 0 appears twice");
        assertMessage("frame,bin,time_s,freq_hz,db\n0,0,0,0,1\n0,1,0,9,1\n1,0,1,0,1\n1,1,1,10,1\n",
                "freq_hz of bin 1 is 10.0 in one row and 9.0 in another");
        assertMessage("", "empty file");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableFormat.forPath(Path.of("x.xlsx")))
                .getMessage().contains(".tsv or .csv"));
    }

    private void assertMessage(String content, String expected) throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, content);
        IOException e = assertThrows(IOException.class, () -> Table3DFiles.read(p));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void centroidOfTwoTonesIsTheirWeightedMean() {
        TfAxes axes = TfAxes.uniform(4, 2, 0, 1, 100);
        TfMatrix mag = new TfMatrix(4, 2, new double[] {0, 3, 0, 0, 0, 0, 0, 1});
        assertEquals((3 * 100 + 300) / 4.0, SpectralCentroid.ofRecordingHz(mag, axes), 1e-12);
        assertEquals(0, SpectralCentroid.ofRecordingHz(TfMatrix.zeros(4, 2), axes));
        assertArrayEquals(new double[] {150, 50, 50, 150, 150, 50, 50, 150}, SpectralCentroid.distancesHz(axes, 150), 0);
    }
}
