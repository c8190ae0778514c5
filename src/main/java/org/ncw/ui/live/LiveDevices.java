package org.ncw.ui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ncw.engine.live.BlockSink;
import org.ncw.engine.live.BlockSource;
import org.ncw.engine.live.JavaSoundDevices;
import org.ncw.engine.live.LiveOptions;
import org.ncw.engine.live.LiveSources;

/** What live mode needs from the machine; tests pass their own (files, memory), the app the Java Sound one. */
public interface LiveDevices {
    List<String> captureDevices(int sampleRate);

    List<String> playbackDevices(int sampleRate);

    BlockSource openCapture(String name, LiveOptions options) throws IOException;

    BlockSink openPlayback(String name, LiveOptions options) throws IOException;

    BlockSource openFile(Path file, boolean loop) throws IOException;

    /** The sound cards through Java Sound (ALSA on Linux). */
    static LiveDevices javaSound() {
        return new LiveDevices() {
            @Override
            public List<String> captureDevices(int sampleRate) {
                return JavaSoundDevices.captureDevices(sampleRate).stream().map(JavaSoundDevices.Device::name).toList();
            }

            @Override
            public List<String> playbackDevices(int sampleRate) {
                return JavaSoundDevices.playbackDevices(sampleRate).stream().map(JavaSoundDevices.Device::name)
                        .toList();
            }

            @Override
            public BlockSource openCapture(String name, LiveOptions options) throws IOException {
                return JavaSoundDevices.openCapture(find(JavaSoundDevices.captureDevices(options.sampleRate()), name),
                        options);
            }

            @Override
            public BlockSink openPlayback(String name, LiveOptions options) throws IOException {
                return JavaSoundDevices.openPlayback(
                        find(JavaSoundDevices.playbackDevices(options.sampleRate()), name), options);
            }

            @Override
            public BlockSource openFile(Path file, boolean loop) throws IOException {
                return LiveSources.file(file, loop);
            }

            private JavaSoundDevices.Device find(List<JavaSoundDevices.Device> all, String name) throws IOException {
                for (JavaSoundDevices.Device d : all) {
                    if (d.name().equals(name)) {
                        return d;
                    }
                }
                throw new IOException("device '" + name + "' is gone; choose another");
            }
        };
    }
}
