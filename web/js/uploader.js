// PeerTube's resumable upload protocol, in chunks, surviving network errors.
//   POST /api/v1/videos/upload-resumable  (X-Upload-Content-Length, JSON metadata) -> Location
//   PUT  Location  Content-Range: bytes a-b/total   -> 308 + Range: bytes=0-n ... -> 200 {video}
//   PUT  Location  Content-Range: bytes */total (empty) -> where the server stands (308 + Range),
//        or 200 {video} once it holds every byte (it finishes an upload cut off after its last byte)
import { api, authHeader, refreshTokens, errorFrom, ApiError } from './api.js';
import { t } from './i18n.js';

const ENDPOINT = '/api/v1/videos/upload-resumable';
export const CHUNK_BYTES = 1024 * 1024;
const RETRY_DELAYS = [1, 2, 4, 8, 15, 30];

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(id);
      reject(new DOMException('cancelled', 'AbortError'));
    }, { once: true });
  });
}

/** The end of the Range header "bytes=0-n" as a count of bytes received. */
function receivedFrom(range) {
  const m = /bytes=\d+-(\d+)/.exec(range || '');
  return m ? Number(m[1]) + 1 : 0;
}

/** One PUT through XMLHttpRequest, for progress inside a chunk. Resolves {status, range, body}. */
function put(location, blob, contentRange, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', location);
    const auth = authHeader();
    if (auth) xhr.setRequestHeader('Authorization', auth);
    xhr.setRequestHeader('Content-Range', contentRange);
    if (blob) xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded);
    xhr.onload = () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        /* not JSON */
      }
      resolve({ status: xhr.status, range: xhr.getResponseHeader('Range'), body });
    };
    xhr.onerror = () => reject(new ApiError(0, t('error.network'), null));
    xhr.ontimeout = xhr.onerror;
    const abort = () => xhr.abort();
    xhr.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    signal?.addEventListener('abort', abort, { once: true });
    xhr.send(blob);
  });
}

function failure(r) {
  const detail = r.body?.detail || r.body?.error || `${r.status}`;
  return new ApiError(r.status, detail, r.body);
}

/**
 * Uploads `file` with `meta` ({name, channelId, privacy, description}). Callbacks:
 * onProgress(sentBytes, total), onRetry(seconds, error), onResume(bytes).
 * Resolves {id, uuid, shortUUID}. Cancel with the AbortSignal (the server's session is dropped).
 */
export async function uploadResumable(file, meta, { onProgress, onRetry, onResume, signal, chunkBytes } = {}) {
  chunkBytes = chunkBytes > 0 ? chunkBytes : CHUNK_BYTES;
  const total = file.size;
  const res = await api(ENDPOINT, {
    method: 'POST',
    headers: { 'X-Upload-Content-Length': String(total), 'X-Upload-Content-Type': file.type || 'application/octet-stream' },
    json: { ...meta, filename: file.name },
    raw: true,
  });
  if (!res.ok) throw await errorFrom(res);
  const location = res.headers.get('Location');
  // Asking where the upload stands: a server holding every byte makes the video and answers 200.
  const ask = () => put(location, null, `bytes */${total}`, null, signal);
  let offset = 0;
  if (res.status === 200) {
    // The server already holds part of this very file from an earlier try: ask where it stands.
    const r = await ask();
    if (r.status === 200 && r.body?.video) return r.body.video;
    offset = receivedFrom(r.range);
    if (offset) onResume?.(offset);
  }
  onProgress?.(offset, total);
  let attempt = 0;
  try {
    while (true) {
      try {
        // Never an empty range: once every byte is there, only asking is left.
        const end = Math.min(total, offset + chunkBytes);
        const r = offset < total
          ? await put(location, file.slice(offset, end), `bytes ${offset}-${end - 1}/${total}`,
            (loaded) => onProgress?.(offset + loaded, total), signal)
          : await ask();
        if (r.status === 401 && (await refreshTokens())) continue;
        if (r.status === 200 || r.status === 201) {
          onProgress?.(total, total);
          return r.body.video;
        }
        if (r.status === 308 && (offset < total || receivedFrom(r.range) < total)) {
          offset = receivedFrom(r.range);
          attempt = 0;
          onProgress?.(offset, total);
          continue;
        }
        // 308 with every byte but no video yet (a server that has not finished it): ask again later.
        if (r.status === 308 || r.status >= 500 || r.status === 0 || r.status === 409 || r.status === 416) throw new ApiError(r.status, failure(r).detail, r.body);
        throw Object.assign(failure(r), { final: true });
      } catch (e) {
        if (e.name === 'AbortError' || e.final) throw e;
        // A network error or a server hiccup: wait, ask where the server stands, go on from there.
        const delay = RETRY_DELAYS[Math.min(attempt++, RETRY_DELAYS.length - 1)];
        onRetry?.(delay, e);
        await sleep(delay * 1000, signal);
        try {
          const r = await ask();
          if (r.status === 200 && r.body?.video) return r.body.video;
          if (r.status === 308) {
            offset = receivedFrom(r.range);
            onResume?.(offset);
            onProgress?.(offset, total);
          } else if (r.status === 404) {
            throw Object.assign(failure(r), { final: true });
          }
        } catch (e2) {
          if (e2.name === 'AbortError' || e2.final) throw e2;
          /* still offline: the loop tries again */
        }
      }
    }
  } catch (e) {
    if (e.name === 'AbortError') {
      fetch(location, { method: 'DELETE', headers: { Authorization: authHeader() } }).catch(() => {});
    }
    throw e;
  }
}
