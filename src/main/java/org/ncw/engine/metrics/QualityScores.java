package org.ncw.engine.metrics;

/**
 * The speech-quality scores of one estimate against its clean reference.
 *
 * @param snrDb          plain SNR (dB), see {@link Snr}
 * @param segmentalSnrDb segmental SNR (dB), see {@link SegmentalSnr}
 * @param siSdrDb        scale-invariant SDR (dB), see {@link SiSdr}
 * @param stoi           short-time objective intelligibility in [-1, 1] (typically 0.4..1), see {@link Stoi}
 * @param estoi          extended STOI in [-1, 1] (typically 0.2..1, lower than STOI), see {@link Estoi}
 */
public record QualityScores(double snrDb, double segmentalSnrDb, double siSdrDb, double stoi, double estoi) {

    /** This score minus a baseline (e.g. enhanced minus noisy): the improvement of each measure. */
    public QualityScores minus(QualityScores baseline) {
        return new QualityScores(snrDb - baseline.snrDb, segmentalSnrDb - baseline.segmentalSnrDb,
                siSdrDb - baseline.siSdrDb, stoi - baseline.stoi, estoi - baseline.estoi);
    }
}
