package org.peerlet.transcode;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Receives an encoded packet; the packet is only valid during the call (copy it to keep it). */
@FunctionalInterface
interface PacketSink {
    void accept(AVPacket packet) throws MediaException;
}
