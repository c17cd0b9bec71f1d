// The plug for peer-to-peer segment sharing (WebRTC through the instance's tracker).
//
// The player calls these two functions and nothing else about P2P, so a P2P loader can be
// dropped in here later without touching the player:
//  - hlsConfig(base, video) may return a config with its own fLoader/pLoader (segment and
//    playlist loaders) that fetch from peers first and from the server otherwise;
//  - attach(hls, video) is called once hls.js is set up; it returns a function that the
//    player calls when it is torn down (close peer connections there).
// `video` is the API's video object (trackerUrls, streamingPlaylists[0].segmentsSha256Url, ...).

export function hlsConfig(base, video) {
  return base;
}

export function attach(hls, video) {
  return () => {};
}
