package org.ncw.engine.sweep;

import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.evaluation.EvaluationSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The recordings a sweep runs over: the mixtures of an evaluation set (a folder with {@code index.json}; scored
 * against their clean references) or plain audio files (runtime and diagnostics only).
 *
 * @param items in order; names are unique
 */
public record SweepInputs(List<Item> items) {
    /** One recording; {@code clean} is null when there is no reference. */
    public record Item(String name, Path noisy, Path clean) {
        public boolean scored() {
            return clean != null;
        }
    }

    public SweepInputs {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new InvalidParameterException("no input files");
        }
        if (items.stream().map(Item::name).distinct().count() != items.size()) {
            throw new InvalidParameterException("two inputs have the same name; give each recording once");
        }
    }

    /**
     * The inputs of the command line: one folder with {@code index.json} (an evaluation set), or folders of audio
     * files and audio files (each folder's files in name order). {@code limit} > 0 keeps the first ones.
     */
    public static SweepInputs of(List<Path> paths, int limit) throws IOException {
        if (paths.isEmpty()) {
            throw new InvalidParameterException("give a folder or audio files to sweep over");
        }
        List<Item> items = new ArrayList<>();
        if (paths.size() == 1 && Files.isRegularFile(paths.get(0).resolve("index.json"))) {
            for (EvaluationSet.Item e : EvaluationSet.load(paths.get(0)).items()) {
                items.add(new Item(e.stem(), e.noisy(), e.clean()));
            }
        } else {
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        s.filter(f -> Files.isRegularFile(f) && isAudio(f)).sorted()
                                .forEach(f -> items.add(new Item(f.toString(), f, null)));
                    }
                } else if (Files.isRegularFile(p)) {
                    items.add(new Item(p.toString(), p, null));
                } else {
                    throw new InvalidParameterException(p + ": no such file or directory");
                }
            }
        }
        if (limit > 0 && items.size() > limit) {
            return new SweepInputs(items.subList(0, limit));
        }
        return new SweepInputs(items);
    }

    public boolean scored() {
        return items.stream().allMatch(Item::scored);
    }

    public List<Path> paths() {
        List<Path> all = new ArrayList<>();
        for (Item i : items) {
            all.add(i.noisy());
            if (i.clean() != null) {
                all.add(i.clean());
            }
        }
        return all;
    }

    private static boolean isAudio(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".wav") || n.endsWith(".aif") || n.endsWith(".aiff") || n.endsWith(".aifc")
                || n.endsWith(".au") || n.endsWith(".snd");
    }
}
