package org.ncw.engine.dsp;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbScaleTest {
    private static TfMatrix row(double... v) {
        return new TfMatrix(v.length, 1, v);
    }

    @Test
    void amplitudeToDbWithFixedReference() {
        TfMatrix db = DbScale.defaults().withTopDb(null).amplitudeToDb(row(1, 0.1, 10, 0, 1e-7));
        // amin 1e-5 floors 0 and 1e-7 at -100 dB.
        assertArrayEquals(new double[] {0, -20, 20, -100, -100}, db.values(), 1e-12);
        assertArrayEquals(new double[] {-6.020599913279624}, DbScale.defaults().withRefValue(2).amplitudeToDb(row(1))
                .values(), 1e-12);
    }

    @Test
    void powerToDbAndAmplitudeToDbAgreeOnSquaredInput() {
        TfMatrix amp = row(0.5, 0.003, 2, 1e-6);
        TfMatrix pow = row(0.25, 9e-6, 4, 1e-12);
        DbScale a = DbScale.relativeToMax().withTopDb(null);
        DbScale p = DbScale.powerDefaults().withReference(DbScale.Reference.MAX).withTopDb(null);
        assertArrayEquals(p.powerToDb(pow).values(), a.amplitudeToDb(amp).values(), 1e-9);
        assertArrayEquals(new double[] {10 * Math.log10(0.25), 10 * Math.log10(9e-6), 10 * Math.log10(4), -100},
                DbScale.powerDefaults().withTopDb(null).powerToDb(pow).values(), 1e-9);
    }

    @Test
    void refMaxPutsThePeakAtZeroAndTopDbClipsTheRange() {
        TfMatrix db = DbScale.relativeToMax().amplitudeToDb(row(10, 1, 0.01, 1e-9));
        assertArrayEquals(new double[] {0, -20, -60, -80}, db.values(), 1e-12);
        TfMatrix narrow = DbScale.defaults().withTopDb(30.0).amplitudeToDb(row(10, 1, 0.01));
        assertArrayEquals(new double[] {20, 0, -10}, narrow.values(), 1e-12);
    }

    @Test
    void validatesAndRoundTripsThroughJson() {
        for (DbScale s : new DbScale[] {DbScale.defaults(), DbScale.relativeToMax().withTopDb(null),
                DbScale.powerDefaults().withRefValue(3.5)}) {
            assertEquals(s, Json.read(Json.write(s), DbScale.class));
        }
        assertTrue(assertThrows(InvalidParameterException.class, () -> DbScale.defaults().withAmin(0))
                .getMessage().startsWith("amin"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> DbScale.defaults().withTopDb(-1.0))
                .getMessage().startsWith("topDb"));
    }
}
