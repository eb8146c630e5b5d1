package io.vpbx.infrastructure.recording;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Stereo 8 kHz 16-bit PCM WAVs as the media engine writes them: caller left, callee right. */
final class TestWavs {
    private TestWavs() {}

    /** A tone of {@code leftHz} on the left and {@code rightHz} on the right. */
    static byte[] stereoTones(double seconds, int leftHz, int rightHz) {
        int rate = 8000;
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            data.putShort((short) (8000 * Math.sin(2 * Math.PI * leftHz * i / rate)));
            data.putShort((short) (8000 * Math.sin(2 * Math.PI * rightHz * i / rate)));
        }
        return wav(data.array(), 2, rate);
    }

    static byte[] wav(byte[] pcm, int channels, int rate) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels);
        h.putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2));
        h.putShort((short) 16);
        h.put("data".getBytes()).putInt(pcm.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }
}
