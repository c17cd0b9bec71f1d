import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser, reloadMe } from '../api.js';
import { uploadResumable } from '../uploader.js';
import { bytes, errorBox, okBox, pageTitle, say, videoLink } from '../ui.js';
import { requireLogin, setTitle, navigate } from '../nav.js';

const PRIVACIES = [1, 2, 3, 4, 5];
const DEFAULT_PRIVACY = 3; // the instance's default for new uploads

export async function render(view, { params }) {
  if (!requireLogin()) return;
  setTitle(t('upload.title'));
  const me = (await reloadMe().catch(() => null)) || currentUser();
  const channels = me?.videoChannels || [];
  let file = null;
  // A video shared from the phone's share menu waits on the server until the person confirms here.
  let shared = null;
  const sharedToken = params.get('shared');
  let controller = null;
  let polling = null;
  let gone = false;

  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const fileInput = h('input', { id: 'file', type: 'file', accept: 'video/*,audio/*,.mkv,.mov,.avi,.flv,.webm,.mp4,.m4v,.ogv,.mp3,.m4a,.wav,.flac,.ogg', class: 'visually-hidden' });
  const chosen = h('p', { class: 'chosen', 'aria-live': 'polite' });
  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', null, t('upload.drop')),
    h('label', { for: 'file', class: 'button' }, t('upload.choose')),
    fileInput, chosen);
  const name = h('input', { id: 'name', name: 'name', required: true, minlength: 3, maxlength: 120 });
  const channel = h('select', { id: 'channel', name: 'channelId' },
    channels.map((c) => h('option', { value: String(c.id) }, c.displayName || c.name)));
  const privacy = h('select', { id: 'privacy', name: 'privacy', 'aria-describedby': 'privacy-hint' },
    PRIVACIES.map((p) => h('option', { value: String(p), selected: p === DEFAULT_PRIVACY }, t(`privacy.${p}`))));
  const privacyHint = h('p', { id: 'privacy-hint', class: 'hint' }, t(`privacy.hint.${DEFAULT_PRIVACY}`));
  const password = h('input', { id: 'video-password', name: 'videoPassword', type: 'text', autocomplete: 'new-password', minlength: 2 });
  const passwordField = h('div', { class: 'field', hidden: true },
    h('label', { for: 'video-password' }, t('sharing.videoPassword')), password);
  privacy.addEventListener('change', () => {
    privacyHint.textContent = t(`privacy.hint.${privacy.value}`);
    passwordField.hidden = privacy.value !== '5';
    password.required = privacy.value === '5';
  });
  const description = h('textarea', { id: 'description', name: 'description', rows: 5, maxlength: 10000 });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'upload-submit' }, t('upload.submit'));

  const choose = (f) => {
    if (!f) return;
    file = f;
    chosen.textContent = t('upload.chosen', { name: f.name, size: bytes(f.size) });
    if (!name.value) name.value = f.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').slice(0, 120);
    drop.classList.add('has-file');
  };
  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  const sharedPath = () => `/api/v1/shared-uploads/${encodeURIComponent(sharedToken)}`;
  if (sharedToken) {
    try {
      shared = await api(sharedPath());
      chosen.textContent = t('upload.shared', { name: shared.filename, size: bytes(shared.size) });
      chosen.id = 'shared-file';
      name.value = (shared.name || shared.filename.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ')).slice(0, 120);
      description.value = shared.description || '';
      drop.classList.add('has-file');
      drop.append(h('p', { class: 'hint' }, t('upload.sharedHint')),
        h('button', { type: 'button', id: 'shared-discard', onclick: async () => {
          await api(sharedPath(), { method: 'DELETE' }).catch(() => {});
          navigate('/upload', { replace: true });
        } }, t('upload.sharedDiscard')));
    } catch (err) {
      say(messages, errorBox(err.status === 404 ? { detail: t('upload.sharedGone') } : err));
    }
  }
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    choose(e.dataTransfer.files[0]);
  });

  const form = h('form', { class: 'form', id: 'upload-form' },
    drop,
    h('div', { class: 'field' }, h('label', { for: 'name' }, t('upload.name')), name),
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'channel' }, t('upload.channel')), channel),
      h('div', { class: 'field' }, h('label', { for: 'privacy' }, t('privacy.visibility')), privacy, privacyHint)),
    passwordField,
    h('div', { class: 'field' }, h('label', { for: 'description' }, t('upload.description')), description),
    messages,
    h('div', { class: 'actions' }, submit));

  const progressArea = h('section', { class: 'upload-progress', hidden: true, 'aria-labelledby': 'progress-title' });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    say(messages, null);
    if (!file && !shared) return say(messages, errorBox({ detail: t('upload.noFile') }));
    if (!channels.length) return say(messages, errorBox({ detail: t('upload.noChannel') }));
    form.hidden = true;
    progressArea.hidden = false;
    await send();
  });

  async function send() {
    clear(progressArea);
    const title = h('h2', { id: 'progress-title' }, t('upload.sending', { name: name.value }));
    const bar = h('progress', { id: 'upload-bar', max: file ? file.size : shared.size, value: 0, 'aria-label': t('upload.progressLabel') });
    const text = h('p', { id: 'upload-text', class: 'progress-text' });
    const note = h('div', { class: 'messages', 'aria-live': 'polite' });
    const cancel = h('button', { type: 'button', onclick: () => controller?.abort() }, t('upload.cancel'));
    progressArea.append(title, bar, text, note, h('div', { class: 'actions' }, cancel));
    controller = new AbortController();
    let lastPct = -1;
    const fields = {
      name: name.value.trim(),
      channelId: Number(channel.value),
      privacy: Number(privacy.value),
      description: description.value || undefined,
      videoPasswords: privacy.value === '5' ? [password.value] : undefined,
    };
    try {
      // The shared file is on the server already: confirming publishes it there, nothing is sent again.
      const video = !file ? (await api(sharedPath(), { method: 'POST', json: fields })).video : await uploadResumable(file, fields, {
        signal: controller.signal,
        // A smaller chunk can be asked for (tests, very slow links): localStorage peerlet.uploadChunkBytes.
        chunkBytes: Number(localStorage.getItem('peerlet.uploadChunkBytes')) || undefined,
        onProgress: (done, total) => {
          bar.value = done;
          const pct = Math.floor((done / total) * 100);
          if (pct !== lastPct || done === total) {
            lastPct = pct;
            text.textContent = t('upload.progress', { done: bytes(done), total: bytes(total), pct });
          }
          if (note.firstChild?.classList?.contains('warn')) say(note, null);
        },
        onRetry: (s) => say(note, h('p', { class: 'notice warn', role: 'status' }, t('upload.retrying', { s }))),
        onResume: (done) => say(note, h('p', { class: 'notice', role: 'status' }, t('upload.resumed', { done: bytes(done) }))),
      });
      cancel.remove();
      await watchTranscoding(video, note);
    } catch (err) {
      cancel.remove();
      if (err.name === 'AbortError') say(note, okBox(t('upload.cancelled')));
      else say(note, errorBox(err));
      progressArea.append(h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => navigate('/upload', { replace: true }) }, t('upload.another'))));
    }
  }

  async function watchTranscoding(video, note) {
    const stageText = h('p', { id: 'transcode-text', class: 'progress-text', role: 'status' }, t('upload.received'));
    const bar = h('progress', { id: 'transcode-bar', max: 100, 'aria-label': t('upload.transcodeLabel') });
    const rungs = h('ul', { class: 'rungs' });
    progressArea.append(h('hr'), stageText, bar, rungs);
    await new Promise((resolve) => {
      const tick = async () => {
        polling = null;
        if (gone) return resolve();
        try {
          const job = await api(`/api/v1/videos/${video.id}/transcoding`);
          if (job.state === 'waiting') {
            stageText.textContent = t('upload.transcodingWaiting');
          } else if (job.state === 'running') {
            bar.value = job.progress;
            stageText.textContent = t('upload.transcoding', { pct: Math.floor(job.progress) });
            clear(rungs).append(...Object.entries(job.progressPerResolution || {}).map(([res, p]) =>
              h('li', null, `${res}${/^\d+$/.test(res) ? 'p' : ''}: ${Math.floor((p <= 1 ? p * 100 : p))} %`)));
          } else if (job.state === 'failed' || job.videoState?.id === 7) {
            bar.remove();
            say(note, errorBox({ detail: t('upload.failed', { detail: job.error || '' }) }));
            return resolve();
          }
          if (job.state === 'done' && job.videoState?.id === 1) {
            bar.value = 100;
            clear(rungs);
            stageText.textContent = t('upload.published');
            progressArea.append(h('div', { class: 'actions' },
              h('a', { href: videoLink(video), class: 'button primary', id: 'watch-link' }, t('upload.watch')),
              h('a', { href: '/upload', class: 'button', onclick: (e) => { e.preventDefault(); navigate('/upload', { replace: true }); } }, t('upload.another'))));
            return resolve();
          }
        } catch (err) {
          if (err.status !== 404) say(note, errorBox(err));
        }
        polling = setTimeout(tick, 1000);
      };
      tick();
    });
  }

  view.append(pageTitle(t('upload.title')), form, progressArea);
  return () => {
    gone = true;
    if (polling) clearTimeout(polling);
    // Leaving the page does not stop an upload in flight: keep it going in the background.
  };
}
