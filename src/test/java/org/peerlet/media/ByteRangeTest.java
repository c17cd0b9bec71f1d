package org.peerlet.media;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Range headers as RFC 9110 reads them, for a 1000-byte file. */
class ByteRangeTest {
    private static final long SIZE = 1000;

    @Test
    void aRangeWithinTheFileIsSentAsAsked() {
        assertThat(ByteRange.of("bytes=0-9", SIZE)).contains(new ByteRange(0, 9, true));
        assertThat(ByteRange.of("bytes=990-", SIZE)).contains(new ByteRange(990, 999, true));
        assertThat(ByteRange.of("bytes=999-999", SIZE)).contains(new ByteRange(999, 999, true));
        assertThat(ByteRange.of("BYTES=0-0", SIZE)).contains(new ByteRange(0, 0, true));
        assertThat(ByteRange.of("bytes=0-9", SIZE).orElseThrow().contentRange(SIZE)).isEqualTo("bytes 0-9/1000");
        assertThat(ByteRange.of("bytes=0-9", SIZE).orElseThrow().length()).isEqualTo(10);
    }

    @Test
    void anEndPastTheFileStopsAtItsLastByte() {
        assertThat(ByteRange.of("bytes=5-5000", SIZE)).contains(new ByteRange(5, 999, true));
        assertThat(ByteRange.of("bytes=5-99999999999999999999999999", SIZE)).contains(new ByteRange(5, 999, true));
    }

    @Test
    void aSuffixIsTheFilesLastBytesAndAtMostAllOfThem() {
        assertThat(ByteRange.of("bytes=-10", SIZE)).contains(new ByteRange(990, 999, true));
        assertThat(ByteRange.of("bytes=-5000", SIZE)).contains(new ByteRange(0, 999, true));
        assertThat(ByteRange.of("bytes=-99999999999999999999999", SIZE)).contains(new ByteRange(0, 999, true));
    }

    @Test
    void aStartAtOrBeyondTheEndCannotBeSatisfied() {
        for (String h : new String[] {"bytes=1000-", "bytes=999999999-", "bytes=9223372036854775807-",
                "bytes=99999999999999999999999-", "bytes=-0", "bytes=1000-2000"}) {
            assertThat(ByteRange.of(h, SIZE)).as(h).isEmpty();
        }
        assertThat(ByteRange.of("bytes=0-", 0)).isEmpty();
        assertThat(ByteRange.of("bytes=-1", 0)).isEmpty();
        assertThat(ByteRange.unsatisfied(SIZE)).isEqualTo("bytes */1000");
    }

    @Test
    void malformedInvertedForeignOrSeveralRangesMeanTheWholeFile() {
        Optional<ByteRange> whole = Optional.of(new ByteRange(0, 999, false));
        for (String h : new String[] {null, "", "bytes=", "bytes=-", "bytes=5-1", "bytes=abc", "bytes=0x10-",
                "bytes=+5-", "bytes=--1", "bytes=1--2", "bytes=\u0663-", "bytes = 0-1", "items=0-1", "bytes=0-1;x",
                "bytes=0-1,4-5", "bytes=" + "0-0,".repeat(500) + "1-1"}) {
            assertThat(ByteRange.of(h, SIZE)).as(String.valueOf(h)).isEqualTo(whole);
        }
        assertThat(ByteRange.of(null, 0)).contains(new ByteRange(0, -1, false));
        assertThat(ByteRange.of(null, 0).orElseThrow().length()).isZero();
    }
}
