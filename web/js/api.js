// The PeerTube-shaped REST API: tokens in localStorage, one refresh on 401, errors carry the API's detail.
import { t, lang } from './i18n.js';

const STORE = 'peerlet.session';

export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.body = body;
  }
}

let session = readSession();
const listeners = new Set();

function readSession() {
  try {
    return JSON.parse(localStorage.getItem(STORE) || 'null');
  } catch {
    return null;
  }
}

function saveSession(s) {
  session = s;
  if (s) localStorage.setItem(STORE, JSON.stringify(s));
  else localStorage.removeItem(STORE);
  for (const fn of listeners) fn(session);
}

/** The logged-in person: {user, accessToken, ...} or null. */
export function currentSession() {
  return session;
}

export function currentUser() {
  return session?.user ?? null;
}

export function isAdmin() {
  return session?.user?.role?.id === 0;
}

export function onSessionChange(fn) {
  listeners.add(fn);
}

export function authHeader() {
  return session?.accessToken ? `Bearer ${session.accessToken}` : null;
}

// Another tab logged in or out: follow it.
window.addEventListener('storage', (e) => {
  if (e.key === STORE) {
    session = readSession();
    for (const fn of listeners) fn(session);
  }
});

async function errorFrom(res) {
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const detail = body?.detail || body?.error || body?.title || `${res.status} ${res.statusText}`;
  return new ApiError(res.status, detail, body);
}

async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, t('error.network'), null);
  }
}

function form(fields) {
  return new URLSearchParams(fields).toString();
}

async function tokenRequest(fields, headers = {}) {
  const client = await api('/api/v1/oauth-clients/local', { anonymous: true });
  const res = await send('/api/v1/users/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form({ client_id: client.client_id, client_secret: client.client_secret, ...fields }),
  });
  if (!res.ok) throw await errorFrom(res);
  return res.json();
}

/**
 * Logs in with the password grant; `otp` is the code of the person's authenticator app when
 * two-factor is on (an ApiError whose body.code is 'missing_two_factor' says it is needed). Right
 * after, users/me is asked with the new token in its Authorization header, as PeerTube's client
 * does: Grayjay logs in by opening /login in a web view and taking the token from that request.
 */
export async function login(username, password, otp) {
  const tok = await tokenRequest({ grant_type: 'password', username, password }, otp ? { 'x-peertube-otp': otp } : {});
  session = { accessToken: tok.access_token, refreshToken: tok.refresh_token, user: null };
  const user = await api('/api/v1/users/me');
  // Mail (notifications, links) is written in the account's language: at first, the one of this page.
  if (!user.language) {
    await api('/api/v1/users/me', { method: 'PUT', json: { language: lang } }).catch(() => {});
    user.language = lang;
  }
  saveSession({ ...session, user });
  return user;
}

/** The person chose another language: their mail follows it. */
export async function saveLanguage(code) {
  if (session?.user) await api('/api/v1/users/me', { method: 'PUT', json: { language: code } }).catch(() => {});
}

export async function reloadMe() {
  if (!session) return null;
  const user = await api('/api/v1/users/me');
  saveSession({ ...session, user });
  return user;
}

export async function logout() {
  const s = session;
  saveSession(null);
  if (s?.accessToken) {
    fetch('/api/v1/users/revoke-token', { method: 'POST', headers: { Authorization: `Bearer ${s.accessToken}` } })
      .catch(() => {});
  }
}

let refreshing = null;

/** Trades the refresh token for new tokens; one at a time for all callers. Returns false if that failed. */
export function refreshTokens() {
  if (!session?.refreshToken) return Promise.resolve(false);
  if (!refreshing) {
    const used = session.refreshToken;
    refreshing = tokenRequest({ grant_type: 'refresh_token', refresh_token: used })
      .then((tok) => {
        saveSession({ ...session, accessToken: tok.access_token, refreshToken: tok.refresh_token });
        return true;
      })
      .catch((e) => {
        // Only a refused refresh ends the session; a network failure leaves it for next time.
        if (e.status >= 400 && session?.refreshToken === used) saveSession(null);
        return false;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/**
 * Calls the API. opts: method, json (a body to send as JSON), body, headers, raw (return the
 * Response), anonymous (send no token). Throws ApiError with the API's detail on failure.
 */
export async function api(path, opts = {}) {
  const doFetch = () => {
    const headers = { ...(opts.headers || {}) };
    const auth = opts.anonymous ? null : authHeader();
    if (auth) headers.Authorization = auth;
    let body = opts.body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    return send(path, { method: opts.method || 'GET', headers, body });
  };
  let res = await doFetch();
  if (res.status === 401 && !opts.anonymous && session?.refreshToken) {
    if (await refreshTokens()) res = await doFetch();
  }
  if (opts.raw) return res;
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export { errorFrom };
