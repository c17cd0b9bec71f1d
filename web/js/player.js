// The video player: hls.js (loaded only on pages that play video), native controls, a quality
// picker built from the HLS levels, keyboard shortcuts, and the remembered volume.
import { h } from './dom.js';
import { t } from './i18n.js';
import { authHeader } from './api.js';
import * as p2p from './p2p.js';
import { bytes } from './ui.js';
import { withFileToken } from './access.js';

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

function isTyping(el) {
  return el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
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

/**
 * Creates a player for an API video object in `container`. Returns {video, destroy}.
 * Measures time to first frame in window.peerletMetrics (ms since navigation, and since start).
 */
export function createPlayer(container, video, { autoplay = true, fileToken = null, startAt = 0 } = {}) {
  const started = performance.now();
  // A non-public video plays with a file token in its URLs (kept fresh by `fileToken`).
  const tokenized = (url) => (fileToken ? withFileToken(url, fileToken.current()) : url);
  const el = h('video', {
    class: 'video',
    controls: true,
    playsinline: true,
    preload: 'auto',
    poster: tokenized(video.previewPath || video.thumbnailPath) || null,
    'aria-label': t('player.label', { title: video.name }),
  });
  const quality = h('select', { id: 'quality', class: 'quality' }, h('option', { value: '-1' }, t('player.auto')));
  const qualityField = h('label', { class: 'quality-field', hidden: true }, t('player.quality'), ' ', quality);
  const status = h('div', { class: 'player-status', role: 'status', 'aria-live': 'polite' });
  const frame = h('div', { class: 'player-frame' }, el);
  // Through the CSSOM: the page's policy refuses style attributes.
  if (video.aspectRatio) frame.style.aspectRatio = String(video.aspectRatio);
  const wrap = h('div', { class: 'player', tabindex: '-1' }, frame,
    h('div', { class: 'player-bar' }, qualityField, h('p', { class: 'player-keys' }, t('player.shortcuts'))), status);
  container.append(wrap);

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
          quality.replaceChildren(quality.options[0]);
          // Named by the shorter side, as PeerTube does: a phone's 720x1280 rung is 720p.
          const levels = data.levels.map((l, i) => ({ i, res: resolution(l), bitrate: l.bitrate }));
          levels.sort((a, b) => b.res - a.res);
          for (const l of levels) quality.append(h('option', { value: String(l.i) }, `${l.res}p`));
          qualityField.hidden = levels.length < 2;
          play();
        });
        hls.on(Hls.Events.LEVEL_SWITCHED, (_, d) => {
          const l = hls.levels[d.level];
          quality.options[0].textContent = hls.autoLevelEnabled && l ? t('player.autoNow', { res: `${resolution(l)}p` }) : t('player.auto');
        });
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
  wrap.querySelector('.player-bar').append(p2pPanel.el);
  // hls.js fetches from the resume point first: no second of the start plays before the seek.
  start(startAt);

  quality.addEventListener('change', () => {
    if (hls) hls.currentLevel = Number(quality.value);
  });

  const toggleFullscreen = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else (frame.requestFullscreen ? frame.requestFullscreen() : el.webkitEnterFullscreen?.())?.catch?.(() => {});
  };

  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    // Keys on buttons and links keep their own meaning, except inside the player itself.
    const inPlayer = wrap.contains(e.target);
    if (!inPlayer && e.target !== document.body && e.target.closest('a, button')) return;
    let handled = true;
    switch (e.key) {
      case ' ':
      case 'k':
      case 'K':
        if (el.paused) el.play().catch(() => {});
        else el.pause();
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'm':
      case 'M':
        el.muted = !el.muted;
        break;
      case 'ArrowLeft':
        el.currentTime = Math.max(0, el.currentTime - 5);
        break;
      case 'ArrowRight':
        el.currentTime = Math.min(el.duration || Infinity, el.currentTime + 5);
        break;
      case 'ArrowUp':
        el.volume = Math.min(1, el.volume + 0.1);
        break;
      case 'ArrowDown':
        el.volume = Math.max(0, el.volume - 0.1);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };
  document.addEventListener('keydown', onKey, true);
  frame.addEventListener('dblclick', toggleFullscreen);

  return {
    video: el,
    destroy() {
      destroyed = true;
      document.removeEventListener('keydown', onKey, true);
      stop();
      el.removeAttribute('src');
      el.load();
    },
  };
}
