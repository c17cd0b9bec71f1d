// The notification bell's count, kept live: a stream of server-sent events read with fetch (an
// EventSource cannot send the Authorization header). Only the count comes this way; the
// notifications page asks the API for the list. Reconnects after a drop, slower each time.
// Only a visible tab keeps a stream: a browser opens at most 6 connections to one host over
// HTTP/1.1, and tabs left in the background must not use them all up.
import { authHeader, currentUser, refreshTokens } from './api.js';

let controller = null;
let retry = 0;
let timer = null;
const listeners = new Set();
export let unread = 0;

/** Calls fn with the count whenever it changes (and at once); returns what stops that. */
export function onUnread(fn) {
  listeners.add(fn);
  fn(unread);
  return () => listeners.delete(fn);
}

function set(n) {
  unread = n;
  for (const fn of listeners) fn(n);
}

export function stop() {
  clearTimeout(timer);
  timer = null;
  if (controller) controller.abort();
  controller = null;
}

/** (Re)starts the stream for the logged-in person; stops it for nobody. */
export function start() {
  stop();
  if (!currentUser()) {
    set(0);
    return;
  }
  if (unread === 0) set(currentUser().unreadNotifications ?? 0);
  if (document.visibilityState === 'visible') listen(new AbortController());
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    if (!controller && currentUser()) start();
  } else {
    stop();
  }
});

async function listen(mine) {
  controller = mine;
  try {
    const res = await fetch('/api/v1/users/me/notifications/live', {
      headers: { Accept: 'text/event-stream', Authorization: authHeader() }, signal: mine.signal,
    });
    if (res.status === 401 && await refreshTokens()) {
      if (controller === mine) start();
      return;
    }
    if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
    retry = 0;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('data:')) set(JSON.parse(line.slice(5)).unread);
      }
    }
  } catch {
    /* dropped or stopped: see below */
  }
  // Stopped on purpose (another stream took over, or the tab went to the background): nothing to do.
  if (controller !== mine || mine.signal.aborted) return;
  controller = null;
  if (!currentUser()) return;
  retry = Math.min(retry + 1, 6);
  timer = setTimeout(() => start(), 1000 * 2 ** retry);
}
