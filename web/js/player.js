// The video player: hls.js (loaded only on pages that play video), our own control bar (see
// controls.js) with a quality menu built from the HLS levels, the P2P line, the remembered volume.
import { h } from './dom.js';
import { t } from './i18n.js';
import { authHeader } from './api.js';
import * as p2p from './p2p.js';
import { bytes } from './ui.js';
import { withFileToken } from './access.js';
import { createControls } from './controls.js';
import { createTimeline } from './timeline.js';
import { playerMenu } from './player-menu.js';
import { audioPoster } from './audio-poster.js';

const VOLUME_KEY = 'peerlet.volume';
let hlsLoading = null;

/** Loads /vendor/hls.light.min.js once (it ships in the jar, built from npm). */
export function loadHls() {
  if (window.Hls) return Promise.resolve(window.Hls);
  if (!hlsLoading) {
    hlsLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/vendor/hls.light.min.js';
      s.async = true;
      s.onload = () => resolve(window.Hls);
      s.onerror = () => {
        hlsLoading = null;
        reject(new Error('the player library could not be loaded'));
      };
      document.head.append(s);
    });
  }
  return hlsLoading;
}

function remembered() {
  try {
    const v = JSON.parse(localStorage.getItem(VOLUME_KEY) || 'null');
    if (v && typeof v.volume === 'number') return v;
  } catch {
    /* ignore */
  }
  return null;
}

/** A level's resolution as PeerTube names it: its shorter side (hls.js leaves width 0 when unknown). */
function resolution(level) {
  return level.width ? Math.min(level.width, level.height) : level.height;
}

/**
 * The P2P line under the video: a switch (the viewer's own choice) and what the loader says:
 * peers, and how much came from peers and from the server. Absent when the instance has P2P off.
 */
function p2pBar(video, onToggle) {
  const toggle = h('input', { type: 'checkbox', id: 'p2p-toggle' });
  const text = h('span', { id: 'p2p-stats', class: 'p2p-stats', role: 'status' });
  const el = h('div', { class: 'p2p-bar', hidden: true },
    h('label', { class: 'p2p-switch', title: t('p2p.hint') }, toggle, ' ', t('p2p.toggle')), ' ', text);
  toggle.addEventListener('change', () => onToggle(toggle.checked));
  return {
    el,
    show(session) {
      const { stats } = session;
      const available = !['instance', 'no-playlist'].includes(stats.reason);
      el.hidden = !available;
      toggle.checked = p2p.viewerWants();
      if (!available) return () => {};
      if (!session.engine) {
        text.textContent = stats.reason === 'viewer' ? t('p2p.off') : t('p2p.unavailable');
        return () => {};
      }
      return p2p.onStats(session, (s) => {
        text.textContent = t('p2p.stats', { peers: s.peers, fromPeers: bytes(s.bytesFromPeers), fromServer: bytes(s.bytesFromHttp) });
        text.dataset.peers = String(s.peers);
        text.dataset.fromPeers = String(s.bytesFromPeers);
        text.dataset.fromServer = String(s.bytesFromHttp);
      });
    },
  };
}

/** An upload with no picture of its own (PeerTube's resolution 0): played as audio. */
export function isAudioOnly(video) {
  const files = video.streamingPlaylists?.[0]?.files ?? video.files ?? [];
  return files.length > 0 && files.every((f) => f.resolution?.id === 0 || f.hasVideo === false);
}

/**
 * Creates a player for an API video object in `container`: the <video>, the cue line of the
 * captions and our control bar, all in one wrapper that is what goes full screen. Returns
 * {video, controls, timeline, cues, wrap, destroy}. `onTheatre(on)` adds a theatre button.
 * Measures time to first frame in window.peerletMetrics (ms since navigation, and since start).
 */
export function createPlayer(container, video, { autoplay = true, fileToken = null, startAt = 0, onTheatre = null, theatreOn = false } = {}) {
  const started = performance.now();
  // A non-public video plays with a file token in its URLs (kept fresh by `fileToken`).
  const tokenized = (url) => (fileToken ? withFileToken(url, fileToken.current()) : url);
  const audio = isAudioOnly(video);
  const el = h('video', {
    class: 'video',
    playsinline: true,
    preload: 'auto',
    poster: tokenized(video.previewPath || video.thumbnailPath) || null,
    'aria-label': t('player.label', { title: video.name }),
  });
  const status = h('div', { class: 'player-status', role: 'status', 'aria-live': 'polite' });
  // The captions are drawn here, not by the browser: inside the wrapper, so they stay in full screen.
  const cues = h('div', { class: 'player-cues', id: 'player-cues', 'aria-live': 'off' });
  const frame = h('div', { class: 'player-frame' }, el, audio ? audioPoster(video) : null, cues);
  // Through the CSSOM: the page's policy refuses style attributes.
  if (video.aspectRatio && !audio) frame.style.aspectRatio = String(video.aspectRatio);
  const keysHint = h('p', { class: 'visually-hidden', id: 'player-keys' }, t('player.shortcuts'));
  const wrap = h('div', { class: audio ? 'player audio-only' : 'player', tabindex: '-1', 'aria-describedby': 'player-keys' }, frame, keysHint);
  const timeline = createTimeline(el, video.duration);
  const controls = createControls(wrap, el, timeline, { onTheatre, theatreOn });
  const quality = playerMenu({ id: 'quality', label: t('player.quality'), iconName: 'settings',
    onPick: (level) => {
      if (!hls) return;
      hls.currentLevel = Number(level);
      showLevel();
    } });
  quality.el.hidden = true;
  controls.addMenu(quality);
  wrap.append(controls.el, status);
  container.append(wrap);
  frame.addEventListener('click', () => (el.paused ? el.play().catch(() => {}) : el.pause()));
  frame.addEventListener('dblclick', () => controls.toggleFullscreen());

  const vol = remembered();
  if (vol) {
    el.volume = Math.min(1, Math.max(0, vol.volume));
    el.muted = !!vol.muted;
  }
  el.addEventListener('volumechange', () => {
    localStorage.setItem(VOLUME_KEY, JSON.stringify({ volume: el.volume, muted: el.muted }));
  });
  el.addEventListener('playing', () => {
    if (!window.peerletMetrics?.firstFrameMs) {
      window.peerletMetrics = { firstFrameMs: performance.now(), firstFrameSincePlayerMs: performance.now() - started };
    }
  }, { once: true });

  let hls = null;
  const rungLabel = (res) => (audio ? t('player.audio') : `${res}p`);
  /** The quality menu says what was chosen: a rung, or Auto and the rung it plays now. */
  const showLevel = () => {
    if (!hls) return;
    const manual = hls.autoLevelEnabled ? -1 : hls.manualLevel;
    const chosen = hls.levels[manual];
    const playing = hls.levels[hls.currentLevel];
    if (chosen) quality.show(rungLabel(resolution(chosen)));
    else quality.show(playing ? t('player.autoNow', { res: rungLabel(resolution(playing)) }) : t('player.auto'));
    quality.check(manual);
  };

  let detachP2p = () => {};
  let stopStats = () => {};
  let destroyed = false;
  let generation = 0;
  const src = tokenized(video.streamingPlaylists?.[0]?.playlistUrl);
  const sameOrigin = (url) => new URL(url, location.href).origin === location.origin;

  const play = () => {
    if (autoplay) el.play().catch(() => { /* autoplay refused: the person presses play */ });
  };

  // hls.js and, when this video plays peer-to-peer, the P2P loader; run again (from the same
  // time) when the viewer turns P2P on or off.
  const start = (resumeAt = 0) => {
    const mine = ++generation;
    Promise.all([loadHls(), p2p.prepare(video, fileToken)]).then(([Hls, session]) => {
      if (destroyed || mine !== generation) return;
      if (Hls && Hls.isSupported()) {
        const base = {
          capLevelToPlayerSize: true,
          startPosition: resumeAt > 0 ? resumeAt : -1,
          // Private and internal videos need the token; only ever sent to this instance.
          xhrSetup: (xhr, url) => {
            // URLs from playlists fetched earlier carry the token of then: use the one of now.
            if (fileToken && sameOrigin(url) && /[?&]videoFileToken=/.test(url)) {
              const fresh = withFileToken(url, fileToken.current());
              if (new URL(fresh, location.href).href !== new URL(url, location.href).href || !xhr.readyState) xhr.open('GET', fresh, true);
            }
            const auth = authHeader();
            if (auth && sameOrigin(url)) xhr.setRequestHeader('Authorization', auth);
          },
        };
        hls = new Hls(p2p.hlsConfig(base, video, session));
        detachP2p = p2p.attach(hls, video, session, Hls);
        stopStats = p2pPanel.show(session);
        hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
          // Named by the shorter side, as PeerTube does: a phone's 720x1280 rung is 720p.
          const levels = data.levels.map((l, i) => ({ i, res: resolution(l) })).sort((a, b) => b.res - a.res);
          quality.set([{ value: -1, label: t('player.auto') }, ...levels.map((l) => ({ value: l.i, label: rungLabel(l.res) }))], -1);
          quality.el.hidden = levels.length < 2 && !audio;
          play();
        });
        hls.on(Hls.Events.LEVEL_SWITCHED, showLevel);
        hls.on(Hls.Events.ERROR, (_, d) => {
          if (!d.fatal) return;
          if (d.type === Hls.ErrorTypes.NETWORK_ERROR) {
            status.textContent = t('player.error', { detail: d.details });
            // An expired or revoked file token: ask for a new one before trying again.
            if (fileToken) fileToken.renewNow().catch(() => {});
            setTimeout(() => hls && hls.startLoad(), 2000);
          } else if (d.type === Hls.ErrorTypes.MEDIA_ERROR) {
            hls.recoverMediaError();
          } else {
            status.textContent = t('player.error', { detail: d.details });
          }
        });
        hls.loadSource(tokenized(src));
        hls.attachMedia(el);
      } else if (el.canPlayType('application/vnd.apple.mpegurl')) {
        el.src = src; // Safari plays HLS itself.
        play();
      } else {
        status.textContent = t('player.unsupported');
      }
    }).catch((e) => {
      status.textContent = t('player.error', { detail: e.message });
    });
  };

  const stop = () => {
    stopStats();
    stopStats = () => {};
    detachP2p();
    detachP2p = () => {};
    if (hls) hls.destroy();
    hls = null;
  };

  const p2pPanel = p2pBar(video, async (on) => {
    const at = el.currentTime;
    const wasPaused = el.paused;
    await p2p.setViewerWants(on).catch(() => {});
    if (destroyed) return;
    stop();
    autoplay = !wasPaused;
    start(at);
  });
  wrap.insertBefore(p2pPanel.el, status);
  // hls.js fetches from the resume point first: no second of the start plays before the seek.
  start(startAt);

  return {
    video: el,
    controls,
    timeline,
    cues,
    wrap,
    destroy() {
      destroyed = true;
      controls.destroy();
      stop();
      el.removeAttribute('src');
      el.load();
    },
  };
}
