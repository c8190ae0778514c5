package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixingMatrixTest {
    @Test
    void appliesRowByRow() {
        Signal[] out = MixingMatrix.study().apply(new Signal(new double[] {1, 0, 2}, 8000),
                new Signal(new double[] {0, 1, 4}, 8000));
        assertArrayEquals(new double[] {1, 0.5, 4}, out[0].samples());
        assertArrayEquals(new double[] {0.5, 1, 5}, out[1].samples());
    }

    @Test
    void parsesAndRejectsBadText() {
        assertEquals(MixingMatrix.study(), MixingMatrix.parse("1, 0.5,0.5,1"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> MixingMatrix.parse("1,2,3")).getMessage()
                .contains("four numbers"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> MixingMatrix.parse("1,x,3,4")).getMessage()
                .contains("entry 2 is not a number: 'x'"));
    }

    @Test
    void singularMatrixIsRejected() {
        assertTrue(assertThrows(InvalidParameterException.class, () -> new MixingMatrix(1, 2, 2, 4)).getMessage()
                .contains("singular"));
    }
}
