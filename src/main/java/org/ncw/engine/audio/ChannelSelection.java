package org.ncw.engine.audio;

/**
 * Which mono signal to take from a multichannel file: the mix-down (average of all channels) or one channel
 * (0-based index).
 */
public record ChannelSelection(int index) {
    private static final int MIX = -1;

    public ChannelSelection {
        if (index < MIX) {
            throw new IllegalArgumentException("channel index must be >= 0, got " + index);
        }
    }

    public static ChannelSelection mixDown() {
        return new ChannelSelection(MIX);
    }

    public static ChannelSelection channel(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("channel index must be >= 0, got " + index);
        }
        return new ChannelSelection(index);
    }

    /** Parses "mix" or a 0-based channel number (the form used on the command line). */
    public static ChannelSelection parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("mix")) {
            return mixDown();
        }
        try {
            return channel(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel must be 'mix' or a channel number (0, 1, ...), got '" + text + "'");
        }
    }

    public boolean isMixDown() {
        return index == MIX;
    }

    @Override
    public String toString() {
        return isMixDown() ? "mix" : Integer.toString(index);
    }
}
