// The admin page's backups: the plan the settings give, the last backup and its state, a "Back up now".
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { errorBox, say, fullDate, ago, bytes } from './ui.js';
import { busy, messagesRegion } from './form.js';

/** GET /api/v1/admin/backups, again every 5 s while one runs; POST to back up now. */
export function backupSection() {
  const messages = messagesRegion();
  const body = h('div', { id: 'backup-status' });
  const now = h('button', { type: 'button', id: 'backup-now' }, t('admin.backup.now'));
  let timer = null;
  let stopped = false;
  const row = (key, value) => [h('dt', null, t(key)), h('dd', null, value)];
  const when = (iso) => h('time', { datetime: iso, title: fullDate(iso) }, ago(iso));
  const load = async () => {
    timer = null;
    try {
      const s = await api('/api/v1/admin/backups');
      if (stopped) return;
      now.disabled = !s.folder || s.running;
      const last = s.recent[0];
      clear(body).append(
        h('dl', { class: 'stats' },
          row('admin.backup.folder', s.folder ? h('code', null, s.folder) : t('admin.backup.none')),
          row('admin.backup.every', s.folder && s.every ? t('admin.backup.everyDetail', { every: s.every, keep: s.keep }) : t('admin.backup.manual')),
          row('admin.backup.lastDone', s.lastDone ? [when(s.lastDone.finishedAt), ' · ',
            t('admin.backup.size', { files: s.lastDone.files, copied: bytes(s.lastDone.bytesCopied), linked: bytes(s.lastDone.bytesLinked) })]
            : t('admin.backup.never')),
          row('admin.backup.state', s.running ? h('span', { class: 'badge job-active' }, t('admin.backup.running'))
            : last ? h('span', { class: `badge ${last.state === 'done' ? 'job-completed' : 'job-failed'}`, title: last.message || '' },
              last.state === 'done' ? t('admin.backup.done') : t('admin.backup.failed', { why: last.message || '' }))
              : t('admin.backup.never')),
          ...(s.nextAt && !s.running ? row('admin.backup.next', when(s.nextAt)) : [])));
      if (s.running && !stopped) timer = setTimeout(load, 5000);
    } catch (err) {
      say(messages, errorBox(err));
    }
  };
  now.addEventListener('click', () => busy(now, messages, async () => {
    await api('/api/v1/admin/backups', { method: 'POST', json: {} });
    setTimeout(load, 500);
    return t('admin.backup.started');
  }));
  load();
  return {
    el: h('section', { class: 'panel', 'aria-labelledby': 'backup-title' },
      h('h2', { id: 'backup-title' }, t('admin.backup')), h('p', { class: 'hint' }, t('admin.backup.hint')),
      messages, body, h('p', null, now)),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
