import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { ago } from './ui.js';
import { busy, messagesRegion } from './form.js';

// The moderators' queues in the admin page: reports (PeerTube's abuses) and sign-ups waiting for approval.

const STATE = { 1: 'pending', 2: 'rejected', 3: 'accepted' };

function what(a) {
  if (a.video) return t('mod.aboutVideo', { name: a.video.name });
  if (a.comment) return t('mod.aboutComment', { text: a.comment.text });
  return t('mod.aboutAccount', { name: a.flaggedAccount ? `${a.flaggedAccount.name}@${a.flaggedAccount.host}` : '?' });
}

// A queue: a titled list loaded from `url`, each entry drawn by `item`, reloaded after each decision.
function queueSection(id, title, url, item, empty) {
  const messages = messagesRegion();
  const list = h('ul', { class: 'my-list', id: `${id}-list`, role: 'list' });
  const load = async () => {
    const page = await api(url);
    clear(list).append(...(page.data.length ? page.data.map((x) => item(x, messages, load)) : [h('li', { class: 'empty' }, empty)]));
  };
  load().catch(() => {});
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), messages, list);
}

export function reportsSection() {
  return queueSection('reports', t('mod.reports'), '/api/v1/abuses?count=50', reportItem, t('mod.noReports'));
}

function reportItem(a, messages, reload) {
  const note = h('input', { maxlength: 3000, 'aria-label': t('mod.note'), placeholder: t('mod.note'), value: a.moderationComment || '' });
  const judge = (state, label) => {
    const b = h('button', { type: 'button', class: state === 3 ? 'primary' : '' }, label);
    b.addEventListener('click', () => busy(b, messages, async () => {
      const body = { state };
      if (note.value.trim()) body.moderationComment = note.value.trim();
      await api(`/api/v1/abuses/${a.id}`, { method: 'PUT', json: body });
      await reload();
      return t('mod.judged');
    }));
    return b;
  };
  // The usual outcomes, one click each: hide the reported video, ban the reported person (a local one).
  const act = (label, call, cls = 'danger') => {
    const b = h('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', () => busy(b, messages, async () => {
      await call(note.value.trim() || a.reason);
      await reload();
      return t('mod.judged');
    }));
    return b;
  };
  const hide = a.video?.uuid && !a.video.blacklisted ? act(t('mod.hideVideo'), (reason) =>
    api(`/api/v1/videos/${a.video.uuid}/blacklist`, { method: 'POST', json: { reason: reason.slice(0, 300) } })) : null;
  const userId = a.flaggedAccount?.userId;
  const ban = userId ? act(t('mod.ban'), (reason) =>
    api(`/api/v1/users/${userId}/block`, { method: 'POST', json: { reason: reason.slice(0, 250) } })) : null;
  const reporter = a.reporterAccount ? `${a.reporterAccount.name}@${a.reporterAccount.host}` : t('mod.anotherServer');
  return h('li', { class: 'setting-item report-item', 'data-id': a.id, 'data-kind': a.video ? 'video' : a.comment ? 'comment' : 'account' },
    h('div', { class: 'setting-main' },
      h('span', { class: 'setting-name' }, what(a)), ' ',
      h('span', { class: `badge report-${STATE[a.state.id]}` }, t(`mod.state.${a.state.id}`)),
      h('p', { class: 'report-reason' }, a.reason),
      h('p', { class: 'muted' }, t('mod.by', { who: reporter, when: ago(a.createdAt) }),
        a.video?.uuid ? [' · ', h('a', { href: `/videos/watch/${a.video.uuid}` }, t('mod.open'))] : null)),
    h('div', { class: 'actions' }, note, judge(3, t('mod.accept')), judge(2, t('mod.reject')), hide, ban));
}

export function registrationsSection() {
  return queueSection('registrations', t('mod.registrations'), '/api/v1/users/registrations?count=50',
    registrationItem, t('mod.noRegistrations'));
}

function registrationItem(r, messages, reload) {
  const response = h('input', { maxlength: 3000, 'aria-label': t('mod.response'), placeholder: t('mod.response') });
  const act = (verb, label) => {
    const b = h('button', { type: 'button', class: verb === 'accept' ? 'primary' : 'danger' }, label);
    b.addEventListener('click', () => busy(b, messages, async () => {
      await api(`/api/v1/users/registrations/${r.id}/${verb}`, { method: 'POST',
        json: { moderationResponse: response.value.trim() || t(`mod.${verb}Default`) } });
      await reload();
      return t('mod.judged');
    }));
    return b;
  };
  const pending = r.state.id === 1;
  return h('li', { class: 'setting-item', 'data-username': r.username },
    h('div', { class: 'setting-main' },
      h('span', { class: 'setting-name' }, `${r.username} <${r.email}>`), ' ',
      h('span', { class: 'badge' }, t(`mod.state.${r.state.id}`)),
      h('p', { class: 'report-reason' }, r.registrationReason),
      r.moderationResponse ? h('p', { class: 'muted' }, r.moderationResponse) : null),
    pending ? h('div', { class: 'actions' }, response, act('accept', t('mod.accept')), act('reject', t('mod.reject'))) : null);
}
