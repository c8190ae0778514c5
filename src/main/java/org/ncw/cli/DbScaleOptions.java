package org.ncw.cli;

import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.dsp.DbScale;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Mixin: --top-db and --ref for the dB conversion (librosa's amplitude_to_db). */
public final class DbScaleOptions {
    @Option(names = "--top-db", paramLabel = "DB|none", defaultValue = "80",
            description = "Dynamic range kept below the peak in dB, or 'none' (default ${DEFAULT-VALUE}).")
    String topDb;

    @Option(names = "--ref", paramLabel = "max|VALUE", defaultValue = "max",
            description = "dB reference amplitude: 'max' (0 dB at the loudest bin) or a number (default ${DEFAULT-VALUE}).")
    String ref;

    DbScale toDbScale() {
        DbScale scale = DbScale.defaults().withTopDb(parseTopDb());
        String r = ref.trim().toLowerCase(Locale.ROOT);
        return r.equals("max") ? scale.withReference(DbScale.Reference.MAX) : scale.withRefValue(number("--ref", r));
    }

    private Double parseTopDb() {
        String t = topDb.trim().toLowerCase(Locale.ROOT);
        return t.equals("none") ? null : number("--top-db", t);
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(option + " must be a number or the keyword shown in --help, got '"
                    + text + "'");
        }
    }
}
