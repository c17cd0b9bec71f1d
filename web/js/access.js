// Watching videos that are not public: the credentials a viewer holds (a share link's token, a
// video password, their login), the file token those buy, and its renewal before it expires.
import { api } from './api.js';

export const PASSWORD_HEADER = 'x-peertube-video-password';
export const SHARE_HEADER = 'x-peerlet-share-token';
const RENEW_MARGIN_MS = 5 * 60 * 1000;

export function isOpen(video) {
  const id = video?.privacy?.id ?? video?.privacy;
  return id === 1 || id === 2;
}

/** Headers carrying what the viewer holds: {share, password}. */
export function accessHeaders(creds = {}) {
  const headers = {};
  if (creds.share) headers[SHARE_HEADER] = creds.share;
  if (creds.password) headers[PASSWORD_HEADER] = creds.password;
  return headers;
}

/** The API's error codes for a password-protected video. */
export function needsPassword(err) {
  return err?.status === 403 && err.body?.code === 'video_requires_password';
}

export function wrongPassword(err) {
  return err?.status === 403 && err.body?.code === 'incorrect_video_password';
}

/** A URL with ?videoFileToken= set (replaced if it had one). */
export function withFileToken(url, token) {
  if (!url || !token) return url;
  const u = new URL(url, location.href);
  u.searchParams.set('videoFileToken', token);
  return u.origin === location.origin ? u.pathname + u.search : u.href;
}

/** Asks the API for a file token: {token, expires}. */
export async function requestFileToken(videoId, creds = {}) {
  const r = await api(`/api/v1/videos/${encodeURIComponent(videoId)}/token`, { method: 'POST', headers: accessHeaders(creds) });
  return r.files;
}

/**
 * Holds a video's file token and renews it a few minutes before it expires, so a long video
 * keeps playing. `current()` is the token in use; listeners hear of each new one.
 */
export function fileTokenKeeper(videoId, creds, first) {
  let files = first;
  let timer = null;
  let stopped = false;
  const listeners = new Set();
  const schedule = () => {
    const left = new Date(files.expires).getTime() - Date.now();
    const wait = Math.max(10_000, Math.min(left - RENEW_MARGIN_MS, left / 2));
    timer = setTimeout(renew, wait);
  };
  const renew = async () => {
    if (stopped) return;
    try {
      files = await requestFileToken(videoId, creds);
      for (const fn of listeners) fn(files.token);
    } catch {
      /* try again soon; the token in hand may still be good */
    }
    if (!stopped) schedule();
  };
  schedule();
  window.__fileToken = () => files;
  return {
    current: () => files.token,
    expires: () => files.expires,
    onRenew: (fn) => listeners.add(fn),
    renewNow: renew,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
