// Peer-to-peer segment sharing (WebRTC through a WebTorrent tracker), for the player.
//
// The player asks three things and knows nothing else about P2P:
//  - prepare(video): decides whether this video plays with P2P (instance switch, the viewer's
//    own choice, a tracker and a SHA-256 list to check segments against) and, only then, loads
//    /vendor/p2p-media-loader.js (PeerTube's fork of p2p-media-loader, bundled by esbuild);
//  - hlsConfig(base, video, session): the hls.js config, with the P2P loader when P2P is on;
//  - attach(hls, video, session): follows hls.js (playing segment, seeks, stalls) and returns
//    the function that tears everything down.
// What the loader reports (bytes from peers and from the server, peers) is kept in a stats
// object, also published as window.__p2pStats for tests and curious people.
import { currentUser, api, reloadMe } from './api.js';

const CHOICE_KEY = 'peerlet.p2p';
const BUNDLE = '/vendor/p2p-media-loader.js';

let configLoading = null;
let bundleLoading = null;

/** The instance's switch, from /api/v1/config (asked once per page load). */
export function instanceAllows() {
  if (!configLoading) {
    configLoading = api('/api/v1/config', { anonymous: true })
      .then((cfg) => cfg?.tracker?.enabled !== false)
      .catch(() => false);
  }
  return configLoading;
}

/** The viewer's choice on this device: true, false, or null when they never chose. */
export function localChoice() {
  try {
    const v = localStorage.getItem(CHOICE_KEY);
    return v === 'on' ? true : v === 'off' ? false : null;
  } catch {
    return null;
  }
}

/** Whether the viewer wants P2P: off if they turned it off here or in their account. */
export function viewerWants() {
  if (localChoice() === false) return false;
  const user = currentUser();
  return !user || user.p2pEnabled !== false;
}

/**
 * Remembers the viewer's choice on this device, and in their account when they are logged in
 * (PUT /api/v1/users/me {p2pEnabled}), so that their other devices follow.
 */
export async function setViewerWants(on) {
  try {
    localStorage.setItem(CHOICE_KEY, on ? 'on' : 'off');
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  const user = currentUser();
  if (user && user.p2pEnabled !== on) {
    await api('/api/v1/users/me', { method: 'PUT', json: { p2pEnabled: on } });
    await reloadMe().catch(() => {});
  }
}

/**
 * The tracker to announce to, from the video's trackerUrls. A video of this instance uses this
 * instance's tracker as the page reaches it: same host, ws:// or wss:// as the page (the public
 * URL may name another host, e.g. when the instance is opened by its LAN address, and an https
 * page may not open ws://). A remote video uses the tracker its JSON gives, but never ws:// from
 * an https page. `page` is {protocol, host}, location by default.
 */
export function trackerFor(video, page = location) {
  const urls = (video.trackerUrls || []).filter((u) => /^wss?:\/\//i.test(u));
  if (!urls.length) return null;
  const secure = page.protocol === 'https:';
  if (video.isLocal !== false) {
    const u = new URL(urls[0]);
    return `${secure ? 'wss:' : 'ws:'}//${page.host}${u.pathname}${u.search}`;
  }
  const usable = urls.filter((u) => !secure || /^wss:/i.test(u));
  return usable[0] || null;
}

/**
 * The tracker admits a non-public video's swarm only to sockets opened with a valid file token
 * of that video: `?token=` on the tracker URL. Public and unlisted videos need none.
 */
export function withSwarmToken(tracker, video, fileToken) {
  const privacy = video.privacy?.id ?? video.privacy;
  if (!tracker || privacy === 1 || privacy === 2 || !fileToken) return tracker;
  const token = typeof fileToken === 'string' ? fileToken : fileToken.current();
  if (!token) return tracker;
  const u = new URL(tracker);
  u.searchParams.set('token', token);
  return u.href;
}

/** Why P2P is off for this video, or null when it can be on. */
async function offReason(video) {
  const playlist = video.streamingPlaylists?.[0];
  if (!playlist?.playlistUrl) return 'no-playlist';
  if (!(await instanceAllows())) return 'instance';
  if (!viewerWants()) return 'viewer';
  if (!playlist.segmentsSha256Url) return 'no-checksums';
  if (!trackerFor(video)) return 'no-tracker';
  if (typeof RTCPeerConnection === 'undefined' || !('createDataChannel' in RTCPeerConnection.prototype)) return 'no-webrtc';
  return null;
}

function loadBundle() {
  if (!bundleLoading) {
    bundleLoading = import(BUNDLE).catch((e) => {
      bundleLoading = null;
      throw e;
    });
  }
  return bundleLoading;
}

function newStats(video) {
  return {
    video: video.uuid,
    enabled: false,
    reason: null,
    tracker: null,
    peers: 0,
    peerIds: [],
    bytesFromPeers: 0,
    bytesFromHttp: 0,
    segmentsFromPeers: 0,
    segmentsFromHttp: 0,
    bytesUploaded: 0,
    segmentsRejected: 0,
    segmentErrors: 0,
    events: [],
  };
}

/**
 * Decides and gets ready for one player. Resolves to a session: {stats, module|null}; never
 * rejects (if the P2P code cannot be loaded the video plays from the server).
 */
export async function prepare(video, fileToken = null) {
  const stats = newStats(video);
  window.__p2pStats = stats;
  const reason = await offReason(video);
  if (reason) {
    stats.reason = reason;
    return { stats, module: null, listeners: new Set() };
  }
  try {
    const module = await loadBundle();
    if (!module.Engine.isSupported()) {
      stats.reason = 'no-webrtc';
      return { stats, module: null, listeners: new Set() };
    }
    stats.enabled = true;
    stats.tracker = withSwarmToken(trackerFor(video), video, fileToken);
    return { stats, module, listeners: new Set(), fileToken };
  } catch (e) {
    stats.reason = 'load-failed';
    stats.error = String(e?.message || e);
    return { stats, module: null, listeners: new Set() };
  }
}

function withToken(url, token) {
  const u = new URL(url, location.href);
  u.searchParams.set('videoFileToken', token);
  return u.href;
}

/** The last path segment of a URL: how the SHA-256 list names a segment file. */
function fileName(url) {
  const path = new URL(url, location.href).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A segment validator for the loader: segments that came from a peer are hashed (SHA-256,
 * WebCrypto) and compared with the video's list ({"720-0.m4s": "hex", ...}). A mismatch, or a
 * segment the list does not know, rejects it: the loader drops that peer and the segment is
 * fetched from the server. Segments from the server itself are trusted as they are.
 */
export function segmentValidator(sha256Url, stats = newStats({}), fetchList = defaultFetchList) {
  let list = null;
  const hashes = () => {
    if (!list) {
      list = fetchList(sha256Url).catch((e) => {
        list = null; // try again for the next segment
        throw e;
      });
    }
    return list;
  };
  return async (segment, method, peerId) => {
    if (method !== 'p2p') return;
    const name = fileName(segment.url);
    let expected;
    try {
      expected = (await hashes())[name];
    } catch (e) {
      stats.segmentsRejected++;
      throw new Error(`cannot check ${name}: ${e.message}`);
    }
    const actual = hex(await crypto.subtle.digest('SHA-256', segment.data));
    if (typeof expected !== 'string' || expected.toLowerCase() !== actual) {
      stats.segmentsRejected++;
      log(stats, `rejected ${name} from peer ${peerId}: hash mismatch`);
      throw new Error(`segment ${name} from a peer does not match its SHA-256`);
    }
  };
}

async function defaultFetchList(url) {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

function log(stats, text) {
  stats.events.push(`${Math.round(performance.now())} ${text}`);
  if (stats.events.length > 200) stats.events.shift();
}

/** The hls.js config: `base` as it is, or with the P2P loader in place of hls.js's own. */
export function hlsConfig(base, video, session) {
  if (!session?.module) return base;
  const playlist = video.streamingPlaylists[0];
  const { Engine } = session.module;
  const engine = new Engine({
    loader: {
      trackerAnnounce: [session.stats.tracker],
      // No STUN or TURN server: nothing is asked of outside services. Viewers on one network
      // (or one machine) connect directly; others fall back to the server.
      rtcConfig: { iceServers: [] },
      segmentValidator: segmentValidator(session.fileToken
        ? withToken(playlist.segmentsSha256Url, session.fileToken.current())
        : playlist.segmentsSha256Url, session.stats),
      xhrSetup: base.xhrSetup,
      useP2P: true,
      consumeOnly: false,
      // The next few segments always come from the server, so a missing peer never stalls
      // playback; later ones are asked of peers first.
      requiredSegmentsPriority: 3,
      simultaneousHttpDownloads: 1,
      httpFailedSegmentTimeout: 1000,
      httpDownloadMaxPriority: 9,
      httpDownloadProbability: 0.06,
      httpDownloadProbabilitySkipIfNoPeers: true,
      p2pDownloadMaxPriority: 40,
      p2pSegmentDownloadTimeout: 10000,
      cachedSegmentsCount: 100,
      cachedSegmentExpiration: 60 * 60 * 1000,
    },
    segments: {
      // The swarm is named after the master playlist's URL as the video JSON gives it, which is
      // what the tracker admits (InfoHashes.forPlaylist on the server).
      swarmId: playlist.playlistUrl,
      forwardSegmentCount: 40,
    },
  });
  session.engine = engine;
  watchEngine(session);
  return { ...base, loader: engine.createLoaderClass() };
}

function notify(session) {
  for (const fn of session.listeners) {
    try {
      fn(session.stats);
    } catch {
      /* a display's problem is not the player's */
    }
  }
}

function watchEngine(session) {
  const { engine, stats } = session;
  const { Events } = session.module;
  const peers = new Set();
  const peersChanged = () => {
    stats.peers = peers.size;
    stats.peerIds = [...peers];
    notify(session);
  };
  engine.on(Events.PeerConnect, (peer) => {
    peers.add(peer.id);
    log(stats, `peer ${peer.id} connected`);
    peersChanged();
  });
  engine.on(Events.PeerClose, (peerId) => {
    peers.delete(peerId);
    log(stats, `peer ${peerId} left`);
    peersChanged();
  });
  engine.on(Events.SegmentLoaded, (segment, peerId) => {
    const bytes = segment.data?.byteLength || 0;
    if (peerId) {
      stats.bytesFromPeers += bytes;
      stats.segmentsFromPeers++;
    } else {
      stats.bytesFromHttp += bytes;
      stats.segmentsFromHttp++;
    }
    log(stats, `${fileName(segment.url)} ${bytes} B from ${peerId ? `peer ${peerId}` : 'server'}`);
    notify(session);
  });
  engine.on(Events.SegmentError, (segment, details, peerId) => {
    stats.segmentErrors++;
    log(stats, `error on ${fileName(segment.url)} from ${peerId ? `peer ${peerId}` : 'server'}: ${details?.message || details}`);
    notify(session);
  });
  engine.on(Events.PieceBytesUploaded, (method, segment, bytes) => {
    stats.bytesUploaded += bytes;
    notify(session);
  });
}

/**
 * Follows hls.js: which segment plays (the loader fetches the ones right after it from the
 * server, the further ones from peers), seeks (pending peer requests are dropped) and stalls
 * (the playing position is moved on so that the missing segment is fetched from the server).
 * Returns the teardown.
 */
export function attach(hls, video, session, Hls) {
  const engine = session?.engine;
  if (!engine) return () => {};
  const media = () => hls.media;
  const onSeeking = () => engine.abortCurrentRequest();
  let el = null;
  const onAttached = () => {
    el = media();
    el?.addEventListener('seeking', onSeeking);
  };
  hls.on(Hls.Events.MEDIA_ATTACHED, onAttached);
  hls.on(Hls.Events.FRAG_CHANGED, (_, { frag }) => {
    const r = frag.byteRange;
    const range = Array.isArray(r) && r.length === 2 ? { offset: r[0], length: r[1] - r[0] } : undefined;
    engine.setPlayingSegment(frag.url, range, frag.start, frag.duration);
  });
  hls.on(Hls.Events.ERROR, (_, d) => {
    if (d.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR && media()) {
      session.stats.bufferStalls = (session.stats.bufferStalls || 0) + 1;
      engine.setPlayingSegmentByCurrentTime(media().currentTime);
    }
  });
  return () => {
    el?.removeEventListener('seeking', onSeeking);
    session.listeners.clear();
    engine.destroy().catch(() => {});
    session.engine = null;
  };
}

/** Calls fn(stats) now and whenever the loader reports something. */
export function onStats(session, fn) {
  session.listeners.add(fn);
  fn(session.stats);
  return () => session.listeners.delete(fn);
}
