/** Captions as PeerTube's API has them: one WebVTT file per video and language, SRT converted on upload. */
package org.peerlet.caption;
