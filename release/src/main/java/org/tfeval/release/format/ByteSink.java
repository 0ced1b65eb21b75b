package org.tfeval.release.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with fixed byte order, for building headers and dictionaries. */
final class ByteSink {
    private final ByteOrder order;
    private byte[] bytes = new byte[256];
    private int size;

    ByteSink(ByteOrder order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    private ByteBuffer room(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, size, n).order(order);
        size += n;
        return b;
    }

    ByteSink u8(int v) {
        room(1).put((byte) v);
        return this;
    }

    ByteSink i16(int v) {
        room(2).putShort((short) v);
        return this;
    }

    ByteSink i32(int v) {
        room(4).putInt(v);
        return this;
    }

    ByteSink i64(long v) {
        room(8).putLong(v);
        return this;
    }

    ByteSink f64(double v) {
        room(8).putDouble(v);
        return this;
    }

    ByteSink bytes(byte[] b) {
        room(b.length).put(b);
        return this;
    }

    /** ASCII text, e.g. a tag. */
    ByteSink ascii(String s) {
        return bytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code b} padded with {@code pad} to exactly {@code length} bytes; fails when longer. */
    ByteSink fixed(byte[] b, int length, byte pad) {
        if (b.length > length) {
            throw new IllegalArgumentException("field of " + b.length + " bytes exceeds its " + length);
        }
        ByteBuffer r = room(length);
        r.put(b);
        while (r.hasRemaining()) {
            r.put(pad);
        }
        return this;
    }

    ByteSink fixedUtf8(String s, int length, byte pad) {
        return fixed(s.getBytes(StandardCharsets.UTF_8), length, pad);
    }

    /** Overwrites 8 bytes at {@code position}. */
    void putI64At(int position, long v) {
        ByteBuffer.wrap(bytes, position, 8).order(order).putLong(v);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
