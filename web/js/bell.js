// The notification bell's count, kept live: a stream of server-sent events read with fetch (an
// EventSource cannot send the Authorization header). Only the count comes this way; the
// notifications page asks the API for the list. Reconnects after a drop, slower each time.
import { authHeader, currentUser, refreshTokens } from './api.js';

let reader = null;
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
  if (reader) reader.cancel().catch(() => {});
  reader = null;
}

/** (Re)starts the stream for the logged-in person; stops it for nobody. */
export function start() {
  stop();
  if (!currentUser()) {
    set(0);
    return;
  }
  set(currentUser().unreadNotifications ?? 0);
  listen();
}

async function listen() {
  let res;
  try {
    res = await fetch('/api/v1/users/me/notifications/live', { headers: { Accept: 'text/event-stream', Authorization: authHeader() } });
    if (res.status === 401 && await refreshTokens()) return start();
    if (!res.ok || !res.body) return later();
    retry = 0;
    reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
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
    /* dropped: try again below */
  }
  if (reader) later();
}

function later() {
  reader = null;
  if (!currentUser()) return;
  retry = Math.min(retry + 1, 6);
  timer = setTimeout(listen, 1000 * 2 ** retry);
}
