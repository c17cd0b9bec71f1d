import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { bytes, errorBox, say } from './ui.js';
import { busy, messagesRegion } from './form.js';

// The admin page's storage figures and maintenance actions (what frees space is told before it is done).

const KINDS = ['originals', 'ladders', 'uploadsInProgress', 'transcodesInProgress', 'imagesAndCaptions', 'database'];

function table(id, heads, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', null, h('tr', null, heads.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c) => h('td', null, c)))))));
}

export function storageSection() {
  const messages = messagesRegion();
  const body = h('div', { id: 'storage' });
  const load = async () => {
    try {
      const s = await api('/api/v1/admin/storage');
      clear(body).append(
        table('storage-disks', ['admin.storage.disk', 'admin.storage.free', 'admin.storage.total'],
          s.disks.map((d) => [h('code', null, d.path), bytes(d.freeBytes), bytes(d.totalBytes)])),
        h('p', { class: 'hint' }, t('admin.storage.margin', { margin: bytes(s.marginBytes) })),
        table('storage-kinds', ['admin.storage.kind', 'admin.storage.used'],
          KINDS.map((k) => [t(`admin.storage.kind.${k}`), bytes(s.kinds[k])])),
        table('storage-users', ['admin.storage.user', 'admin.storage.videos', 'admin.storage.originals', 'admin.storage.ladders'],
          s.users.map((u) => [u.username, String(u.videos), bytes(u.originals), bytes(u.ladders)])));
    } catch (err) {
      say(messages, errorBox(err));
    }
  };
  load();
  return { el: h('section', { class: 'panel', id: 'storage-panel', 'aria-labelledby': 'storage-title' },
    h('h2', { id: 'storage-title' }, t('admin.storage')), messages, body), reload: load };
}

export function maintenanceSection(afterChange) {
  const messages = messagesRegion();
  const body = h('div', { id: 'maintenance' });
  // A button that asks first, saying what the action frees, then does it and reloads the figures.
  const action = (label, question, run) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', () => {
      if (!window.confirm(question)) return;
      busy(b, messages, async () => {
        const text = await run();
        load();
        afterChange();
        return text;
      });
    });
    return b;
  };
  const load = async () => {
    try {
      const [originals, resolutions] = await Promise.all([api('/api/v1/admin/maintenance/originals'),
        api('/api/v1/admin/maintenance/resolutions')]);
      const frees = (x) => t('admin.maint.frees', { size: bytes(x.bytes), n: x.videos });
      clear(body).append(
        h('p', null, action(t('admin.maint.transcodeAll'), t('admin.maint.transcodeAllAsk'), async () =>
          t('admin.maint.queued', { n: (await api('/api/v1/admin/maintenance/transcoding', { method: 'POST', json: {} })).videos }))),
        h('p', null, action(`${t('admin.maint.removeOriginals')} (${frees(originals)})`, t('admin.maint.removeOriginalsAsk', { size: bytes(originals.bytes) }),
          async () => frees(await api('/api/v1/admin/maintenance/originals', { method: 'DELETE' })))),
        h('h3', null, t('admin.maint.resolutions')),
        h('ul', { class: 'my-list', id: 'maintenance-resolutions' }, resolutions.data.map((r) => h('li', null,
          action(`${t('admin.maint.removeResolution', { res: r.resolution })} (${frees(r)})`,
            t('admin.maint.removeResolutionAsk', { res: r.resolution, size: bytes(r.bytes) }),
            async () => frees(await api(`/api/v1/admin/maintenance/resolutions/${r.resolution}`, { method: 'DELETE' })))))));
    } catch (err) {
      say(messages, errorBox(err));
    }
  };
  load();
  return h('section', { class: 'panel', id: 'maintenance-panel', 'aria-labelledby': 'maintenance-title' },
    h('h2', { id: 'maintenance-title' }, t('admin.maint')), h('p', { class: 'hint' }, t('admin.maint.hint')), messages, body);
}
