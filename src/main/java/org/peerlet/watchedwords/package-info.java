/**
 * Watched words (PeerTube 6.2): lists of words kept by an account or by the instance; a comment
 * that contains one waits for the video owner's approval. The only writer of {@code watched_words_lists}.
 */
package org.peerlet.watchedwords;
