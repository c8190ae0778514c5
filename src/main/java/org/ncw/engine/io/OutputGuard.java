package org.ncw.engine.io;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The input files of an operation, which its outputs must never replace, whatever the write mode: an output that
 * is the same file as an input (also through a link or another spelling of the path) is refused.
 */
public final class OutputGuard {
    private static final OutputGuard NONE = new OutputGuard(List.of());
    private final List<Path> inputs;

    private OutputGuard(List<Path> inputs) {
        this.inputs = inputs;
    }

    public static OutputGuard protecting(Collection<Path> inputs) {
        return new OutputGuard(List.copyOf(inputs));
    }

    public static OutputGuard protecting(Path... inputs) {
        return new OutputGuard(List.of(inputs));
    }

    /** A guard with no declared inputs. */
    public static OutputGuard none() {
        return NONE;
    }

    public List<Path> inputs() {
        return inputs;
    }

    /** Throws if {@code output} is one of the inputs. */
    public void check(Path output) throws FileProblemException {
        Path outAbs = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input.toAbsolutePath().normalize().equals(outAbs) || sameExistingFile(input, output)) {
                throw new FileProblemException(output, "refusing to overwrite input file " + input);
            }
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
