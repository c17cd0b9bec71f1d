// Entry of /vendor/p2p-media-loader.js: PeerTube's fork of p2p-media-loader (core + hls.js
// integration), bundled by esbuild (see package.json "build:p2p") into one minified ES module.
// It is loaded only when the watch page decides to play a video with peer-to-peer on (js/p2p.js).
export { Engine } from '@peertube/p2p-media-loader-hlsjs';
export { Events } from '@peertube/p2p-media-loader-core';
