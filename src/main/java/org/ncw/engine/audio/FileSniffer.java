package org.ncw.engine.audio;

import java.nio.charset.StandardCharsets;

/** Names what a file that is not readable audio looks like, from its first bytes, for error messages. */
final class FileSniffer {
    private FileSniffer() {
    }

    static String describe(byte[] head, int length) {
        if (startsWith(head, length, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "a PNG image";
        }
        if (startsWith(head, length, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "a JPEG image";
        }
        if (startsWith(head, length, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(head, length, "PK")) {
            return "a ZIP archive";
        }
        if (startsWith(head, length, "OggS")) {
            return "an Ogg file (Vorbis/Opus are not supported; convert to WAV, e.g. with sox or ffmpeg)";
        }
        if (startsWith(head, length, "fLaC")) {
            return "a FLAC file (not supported; convert to WAV, e.g. with sox or ffmpeg)";
        }
        if (startsWith(head, length, "ID3") || (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return "an MP3 file (not supported; convert to WAV, e.g. with sox or ffmpeg)";
        }
        if (looksLikeText(head, length)) {
            return "a text file";
        }
        return "an unknown format";
    }

    private static boolean looksLikeText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            boolean ok = b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b != 0x7F);
            if (!ok) {
                return false;
            }
        }
        return length > 0;
    }

    static boolean startsWith(byte[] head, int length, String magic) {
        return startsWith(head, length, magic.getBytes(StandardCharsets.ISO_8859_1));
    }

    static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
