import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { errorBox, okBox, pageTitle, privacyBadge, say, stateBadge, thumbnail, videoLink, views, ago, fullDate } from '../ui.js';
import { requireLogin, setTitle } from '../nav.js';
import { sharePanel, visibilityBadge } from '../share-panel.js';
import { heldComments } from '../held-comments.js';

const PRIVACIES = [1, 2, 3, 4, 5];

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('my.title'));
  const list = await api('/api/v1/users/me/videos?sort=-publishedAt&count=100');
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const rows = h('ul', { class: 'my-list', role: 'list' });
  view.append(pageTitle(t('my.title')), heldComments(), messages, rows);
  if (!list.data.length) rows.replaceWith(h('p', { class: 'empty' }, t('my.empty'), ' ', h('a', { href: '/upload' }, t('nav.upload'))));

  for (const v of list.data) rows.append(row(v));

  function row(v) {
    const li = h('li', { class: 'my-item', 'data-uuid': v.uuid });
    const badge = h('span', { class: 'visibility' });
    let panel = null;
    // Who can see it, beyond its level: the owner's view of the video tells (shares, links, passwords).
    const refreshBadge = () => api(`/api/v1/videos/${v.uuid}`)
      .then((full) => clear(badge).append(visibilityBadge(full.visibility, full.privacy.id)))
      .catch(() => {});
    const toggleShare = (e) => {
      const button = e.currentTarget;
      if (panel) {
        panel.remove();
        panel = null;
        button.setAttribute('aria-expanded', 'false');
        return;
      }
      panel = sharePanel(v, refreshBadge);
      li.querySelector('.my-body').append(panel);
      button.setAttribute('aria-expanded', 'true');
    };
    const show = () => {
      panel = null;
      refreshBadge();
      clear(li).append(
        h('a', { href: videoLink(v), class: 'my-thumb', tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(v)),
        h('div', { class: 'my-body' },
          h('h2', { class: 'my-title' }, h('a', { href: videoLink(v) }, v.name)),
          h('p', { class: 'card-meta' }, privacyBadge(v.privacy), ' ', stateBadge(v.state), ' ', views(v.views), ' · ',
            h('time', { datetime: v.publishedAt, title: fullDate(v.publishedAt) }, ago(v.publishedAt))),
          h('p', { class: 'card-meta' }, badge),
          h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'share-toggle', 'aria-expanded': 'false', onclick: toggleShare }, t('sharing.button'), h('span', { class: 'visually-hidden' }, ` ${v.name}`)),
            h('button', { type: 'button', class: 'edit', onclick: edit }, t('my.edit'), h('span', { class: 'visually-hidden' }, ` ${v.name}`)),
            h('button', { type: 'button', class: 'danger delete', onclick: confirmDelete }, t('my.delete'), h('span', { class: 'visually-hidden' }, ` ${v.name}`)))));
    };

    const edit = async () => {
      let full = v;
      try {
        full = await api(`/api/v1/videos/${v.uuid}`);
      } catch (err) {
        say(messages, errorBox(err));
        return;
      }
      const id = `edit-${v.id}`;
      const name = h('input', { id: `${id}-name`, value: full.name, required: true, minlength: 3, maxlength: 120 });
      const description = h('textarea', { id: `${id}-description`, rows: 4, maxlength: 10000 });
      description.value = full.description || '';
      const privacy = h('select', { id: `${id}-privacy` },
        PRIVACIES.map((p) => h('option', { value: String(p), selected: p === full.privacy.id }, t(`privacy.${p}`))));
      const password = h('input', { id: `${id}-password`, type: 'text', autocomplete: 'new-password', 'aria-describedby': `${id}-password-hint` });
      const passwordField = h('div', { class: 'field', hidden: full.privacy.id !== 5 },
        h('label', { for: `${id}-password` }, t('sharing.videoPassword')), password,
        h('p', { class: 'hint', id: `${id}-password-hint` }, full.privacy.id === 5 ? t('sharing.keepPassword') : t('sharing.passwordNeeded')));
      privacy.addEventListener('change', () => { passwordField.hidden = privacy.value !== '5'; });
      const thumb = h('input', { id: `${id}-thumbnail`, type: 'file', accept: 'image/png,image/jpeg', 'aria-describedby': `${id}-thumbnail-hint` });
      const local = h('div', { class: 'messages', 'aria-live': 'polite' });
      const form = h('form', { class: 'form edit-form', 'aria-label': t('my.editing', { name: v.name }) },
        h('div', { class: 'field' }, h('label', { for: `${id}-name` }, t('upload.name')), name),
        h('div', { class: 'field' }, h('label', { for: `${id}-privacy` }, t('privacy.visibility')), privacy),
        passwordField,
        h('div', { class: 'field' }, h('label', { for: `${id}-description` }, t('upload.description')), description),
        h('div', { class: 'field' }, h('label', { for: `${id}-thumbnail` }, t('my.thumbnail')), thumb,
          h('p', { class: 'hint', id: `${id}-thumbnail-hint` }, t('my.thumbnailHint'))),
        local,
        h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, t('my.save')),
          h('button', { type: 'button', onclick: () => { show(); li.querySelector('button.edit').focus(); } }, t('my.cancel'))));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const fields = { name: name.value.trim(), description: description.value, privacy: Number(privacy.value) };
        if (fields.privacy === 5 && password.value) fields.videoPasswords = [password.value];
        else if (fields.privacy === 5 && full.privacy.id !== 5) {
          say(local, errorBox(new Error(t('sharing.passwordNeeded'))));
          password.focus();
          return;
        }
        const image = thumb.files[0];
        if (image && image.size > 4 * 1024 * 1024) {
          say(local, errorBox(new Error(t('my.thumbnailTooBig'))));
          return;
        }
        try {
          if (image) {
            // PeerTube's way: the same update as multipart, with the image as thumbnail and preview.
            const body = new FormData();
            for (const [k, val] of Object.entries(fields)) {
              if (Array.isArray(val)) val.forEach((x) => body.append(`${k}[]`, x));
              else body.append(k, String(val));
            }
            body.append('thumbnailfile', image);
            body.append('previewfile', image);
            await api(`/api/v1/videos/${v.uuid}`, { method: 'PUT', body });
            v.thumbnailPath = `/lazy-static/thumbnails/${v.uuid}.jpg?v=${Date.now()}`;
          } else {
            await api(`/api/v1/videos/${v.uuid}`, { method: 'PUT', json: fields });
          }
          v.name = name.value.trim();
          v.privacy = { id: Number(privacy.value) };
          show();
          say(messages, okBox(t('my.saved')));
          li.querySelector('button.edit').focus();
        } catch (err) {
          say(local, errorBox(err));
        }
      });
      clear(li).append(form);
      name.focus();
    };

    const confirmDelete = () => {
      const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': t('my.confirmDelete', { name: v.name }) },
        h('p', null, t('my.confirmDelete', { name: v.name })),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'danger confirm-yes', onclick: async () => {
            try {
              await api(`/api/v1/videos/${v.uuid}`, { method: 'DELETE' });
              li.remove();
              say(messages, okBox(t('my.deleted', { name: v.name })));
              view.querySelector('h1').focus();
            } catch (err) {
              say(messages, errorBox(err));
            }
          } }, t('my.confirmYes')),
          h('button', { type: 'button', class: 'confirm-no', onclick: () => { box.remove(); li.querySelector('button.delete').focus(); } }, t('my.confirmNo'))));
      li.querySelector('.confirm')?.remove();
      li.querySelector('.my-body').append(box);
      box.querySelector('.confirm-no').focus();
    };

    show();
    return li;
  }
}
