package dev.blendbench.engine.io;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream that may be read only so many bytes in all, re-reads included, for decoders
 * that loop on corrupt data instead of failing. TwelveMonkeys' WebP lossless decoder, given a
 * damaged 73-byte file, reads zeros past its end for 40 s (its bit reader treats the end of the
 * data as more zero bits) and builds Huffman tables from them; a decoder reading a file many
 * times over is in such a loop. Decoders that work read each byte about once, a bit reader a few
 * times (it reads ahead and seeks back), so the budget is generous: {@value #TIMES_THE_FILE}
 * times the file plus {@value #SLACK} bytes.
 */
final class ReadBudget extends ImageInputStreamImpl {
    static final int TIMES_THE_FILE = 64;
    static final long SLACK = 64 << 10;

    private final ImageInputStream in;
    private final long fileBytes;
    private long left;

    /** {@code in} limited to a budget for a file of {@code fileBytes} bytes. */
    ReadBudget(ImageInputStream in, long fileBytes) {
        this.in = in;
        this.fileBytes = fileBytes;
        this.left = fileBytes * TIMES_THE_FILE + SLACK;
    }

    private void spend(long n) throws IIOException {
        left -= n;
        if (left < 0) {
            throw new IIOException("the decoder read " + (fileBytes * TIMES_THE_FILE + SLACK) + " bytes of a " + fileBytes
                    + "-byte file without finishing: the data is corrupt");
        }
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        spend(1);
        int b = in.read();
        if (b >= 0) streamPos++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        spend(Math.max(1, len));
        int n = in.read(b, off, len);
        if (n > 0) streamPos += n;
        return n;
    }

    @Override
    public void seek(long pos) throws IOException {
        super.seek(pos);
        in.seek(pos);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void flushBefore(long pos) throws IOException {
        super.flushBefore(pos);
        in.flushBefore(pos);
    }

    @Override
    public void close() throws IOException {
        super.close();
        in.close();
    }
}
