// Resume where one stopped: the player tells the server where it is (PeerTube's currentTime on
// POST /views) every few seconds of play, on pause and on leaving; a logged-in viewer starts
// again from the video's userHistory, an anonymous one from this browser's local storage.
import { authHeader, currentUser } from './api.js';

const EVERY_MS = 5000;
const KEY = 'peerlet.resume.';
/** So close to the end that the video counts as watched: start again from the beginning. */
const END_MARGIN = 3;

function stored(uuid) {
  try {
    const v = Number(localStorage.getItem(KEY + uuid));
    return Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/**
 * Where to start this video: the user's history, else this browser's, else 0; from the
 * beginning again when the last stop was at the very end.
 */
export function resumeAt(video) {
  const at = currentUser() ? video.userHistory?.currentTime ?? 0 : stored(video.uuid);
  return at > 0 && at < (video.duration || 0) - END_MARGIN ? at : 0;
}

/**
 * Moves `el` to where the viewer stopped once it knows its length, then reports its position.
 * `headers` are the video's access headers (share link, password). Returns the teardown.
 */
export function resume(el, video, headers = {}) {
  const from = resumeAt(video);
  if (from > 0) {
    // hls.js already starts there; a browser playing HLS itself (Safari) is moved once it can be.
    el.addEventListener('loadedmetadata', () => {
      if (el.currentTime < 1) el.currentTime = from;
    }, { once: true });
  }
  let last = 0;
  let lastSent = -1;
  const report = (leaving = false) => {
    const at = Math.floor(el.currentTime || 0);
    if (at < 1 || at === lastSent) return;
    lastSent = at;
    last = Date.now();
    if (!currentUser()) {
      try {
        localStorage.setItem(KEY + video.uuid, String(at));
      } catch { /* storage full or refused: no resume, nothing else lost */ }
    }
    const h = { 'Content-Type': 'application/json', ...headers };
    const auth = authHeader();
    if (auth) h.Authorization = auth;
    // keepalive: the last report goes out even as the page is left.
    fetch(`/api/v1/videos/${video.uuid}/views`, {
      method: 'POST', headers: h, body: JSON.stringify({ currentTime: at }), keepalive: leaving,
    }).catch(() => {});
  };
  const onTime = () => {
    if (Date.now() - last >= EVERY_MS) report();
  };
  const onPause = () => report();
  const onLeave = () => report(true);
  el.addEventListener('timeupdate', onTime);
  el.addEventListener('pause', onPause);
  window.addEventListener('pagehide', onLeave);
  return () => {
    report(true);
    el.removeEventListener('timeupdate', onTime);
    el.removeEventListener('pause', onPause);
    window.removeEventListener('pagehide', onLeave);
  };
}

/** How much of a video the logged-in viewer watched, 0 to 1, for the bar on its card. */
export function watchedShare(video) {
  const at = video.userHistory?.currentTime;
  if (!at || !video.duration) return 0;
  return Math.min(1, at / video.duration);
}
