// The owner's "Share" panel of a video in "My videos": who can see it, people it is shared with
// (by handle), share links (expiry, view limit; shown once with a Copy button) and passwords.
import { h, clear } from './dom.js';
import { t, lang } from './i18n.js';
import { api } from './api.js';
import { errorBox, okBox, say, fullDate } from './ui.js';

const plural = new Intl.PluralRules(lang);
const counted = (key, n) => t(plural.select(n) === 'one' ? `${key}.one` : key, { n });

/** A badge saying, in words, who can see the video, from the owner's `visibility`. */
export function visibilityBadge(vis, privacyId) {
  if (!vis) return null;
  const parts = [t(`visibility.base.${privacyId}`)];
  if (vis.shares) parts.push(counted('visibility.people', vis.shares));
  if (vis.activeShareLinks) parts.push(counted('visibility.links', vis.activeShareLinks));
  if (privacyId === 5) parts.push(counted('visibility.passwords', vis.passwords || 0));
  return h('span', { class: 'badge visibility-badge', 'data-shares': vis.shares, 'data-links': vis.activeShareLinks },
    h('span', { class: 'visually-hidden' }, `${t('visibility.label')}: `), parts.join(' · '));
}

async function copy(text, input, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    input.select();
    document.execCommand?.('copy');
  }
  button.textContent = t('video.copied');
  setTimeout(() => { button.textContent = t('video.copy'); }, 2000);
}

/** The panel for video `v` (needs v.uuid, v.id, v.privacy); `changed()` after each change. */
export function sharePanel(v, changed) {
  const id = `share-${v.id}`;
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const people = h('ul', { class: 'share-people', role: 'list' });
  const links = h('ul', { class: 'share-links', role: 'list' });
  const fresh = h('div', { class: 'share-link-new', 'aria-live': 'polite' });

  const loadPeople = async () => {
    const r = await api(`/api/v1/videos/${v.uuid}/shares`);
    clear(people);
    if (!r.data.length) people.append(h('li', { class: 'muted' }, t('sharing.nobody')));
    for (const s of r.data) {
      const handle = `${s.account.name}@${s.account.host}`;
      people.append(h('li', { 'data-share-id': s.id }, `${s.account.displayName || s.account.name} (${handle}) `,
        h('button', { type: 'button', class: 'link-button danger', onclick: async () => {
          try {
            await api(`/api/v1/videos/${v.uuid}/shares/${s.id}`, { method: 'DELETE' });
            say(messages, okBox(t('sharing.unshared', { handle })));
            await loadPeople();
            changed();
          } catch (err) {
            say(messages, errorBox(err));
          }
        } }, t('sharing.remove'), h('span', { class: 'visually-hidden' }, ` ${handle}`))));
    }
  };

  const loadLinks = async () => {
    const r = await api(`/api/v1/videos/${v.uuid}/share-links`);
    clear(links);
    if (!r.data.length) links.append(h('li', { class: 'muted' }, t('sharing.noLinks')));
    for (const l of r.data) {
      const facts = [
        l.expiresAt ? t('sharing.expires', { when: fullDate(l.expiresAt) }) : t('sharing.noExpiry'),
        l.maxViews ? t('sharing.viewsOf', { n: l.views, max: l.maxViews }) : t('sharing.viewsOnly', { n: l.views }),
        l.active ? null : t('sharing.inactive'),
      ].filter(Boolean).join(' · ');
      links.append(h('li', { 'data-link-id': l.id, class: l.active ? 'active' : 'inactive' },
        `${t('sharing.link', { date: fullDate(l.createdAt) })}: ${facts} `,
        h('button', { type: 'button', class: 'link-button danger revoke', onclick: async () => {
          try {
            await api(`/api/v1/videos/${v.uuid}/share-links/${l.id}`, { method: 'DELETE' });
            say(messages, okBox(t('sharing.revoked')));
            clear(fresh);
            await loadLinks();
            changed();
          } catch (err) {
            say(messages, errorBox(err));
          }
        } }, t('sharing.revoke'))));
    }
  };

  const handle = h('input', { id: `${id}-handle`, required: true, placeholder: 'name@host', autocomplete: 'off' });
  const peopleForm = h('form', { class: 'inline share-person-form' },
    h('label', { for: `${id}-handle` }, t('sharing.handle')), ' ', handle, ' ',
    h('button', { type: 'submit' }, t('sharing.add')));
  peopleForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api(`/api/v1/videos/${v.uuid}/shares`, { method: 'POST', json: { handle: handle.value.trim() } });
      say(messages, okBox(t('sharing.shared', { handle: handle.value.trim() })));
      handle.value = '';
      await loadPeople();
      changed();
    } catch (err) {
      say(messages, errorBox(err));
    }
  });

  const expires = h('input', { id: `${id}-expires`, type: 'date', 'aria-describedby': `${id}-expires-hint` });
  const maxViews = h('input', { id: `${id}-max-views`, type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const linkForm = h('form', { class: 'form share-link-form' },
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: `${id}-expires` }, t('sharing.expiresAt')), expires,
        h('p', { class: 'hint', id: `${id}-expires-hint` }, t('sharing.expiresHint'))),
      h('div', { class: 'field' }, h('label', { for: `${id}-max-views` }, t('sharing.maxViews')), maxViews)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary create-link' }, t('sharing.create'))));
  linkForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {};
    // The end of the chosen day, in the viewer's own time zone.
    if (expires.value) body.expiresAt = new Date(`${expires.value}T23:59:59`).toISOString();
    if (maxViews.value) body.maxViews = Number(maxViews.value);
    try {
      const r = await api(`/api/v1/videos/${v.uuid}/share-links`, { method: 'POST', json: body });
      const url = r.shareLink.url;
      const input = h('input', { id: `${id}-new-link`, class: 'new-link', readonly: true, value: url, onfocus: (ev) => ev.target.select() });
      const button = h('button', { type: 'button', class: 'copy-link', onclick: () => copy(url, input, button) }, t('video.copy'));
      clear(fresh).append(h('div', { class: 'notice ok', role: 'status' },
        h('label', { for: `${id}-new-link` }, t('sharing.created')), h('div', { class: 'inline' }, input, button)));
      expires.value = '';
      maxViews.value = '';
      await loadLinks();
      changed();
    } catch (err) {
      say(messages, errorBox(err));
    }
  });

  let passwordSection = null;
  if ((v.privacy?.id ?? v.privacy) === 5) {
    const pw = h('input', { id: `${id}-password`, type: 'text', autocomplete: 'new-password', minlength: 2, required: true });
    const pwForm = h('form', { class: 'inline password-set-form' },
      h('label', { for: `${id}-password` }, t('sharing.newPassword')), ' ', pw, ' ',
      h('button', { type: 'submit' }, t('sharing.setPassword')));
    pwForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api(`/api/v1/videos/${v.uuid}/passwords`, { method: 'PUT', json: { passwords: [pw.value] } });
        pw.value = '';
        say(messages, okBox(t('sharing.passwordSet')));
        changed();
      } catch (err) {
        say(messages, errorBox(err));
      }
    });
    passwordSection = h('section', { class: 'share-section' }, h('h3', null, t('sharing.passwords')),
      h('p', { class: 'hint' }, t('sharing.passwordsHint')), pwForm);
  }

  const panel = h('section', { class: 'share-panel', id, 'aria-label': t('sharing.title', { name: v.name }) },
    messages,
    h('section', { class: 'share-section' }, h('h3', null, t('sharing.people')), people, peopleForm),
    h('section', { class: 'share-section' }, h('h3', null, t('sharing.links')), links, fresh, linkForm),
    passwordSection);
  Promise.all([loadPeople(), loadLinks()]).catch((err) => say(messages, errorBox(err)));
  return panel;
}
