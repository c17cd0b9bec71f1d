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

/** Hidden videos: a moderator's blocks and new users' uploads waiting for approval; lifting one shows the video again. */
export function blockedVideosSection() {
  return queueSection('blocked-videos', t('mod.blockedVideos'), '/api/v1/videos/blacklist?count=50', blockedItem, t('mod.noBlockedVideos'));
}

function blockedItem(b, messages, reload) {
  const waiting = b.type === 2;
  const lift = h('button', { type: 'button', class: waiting ? 'primary' : '' }, t(waiting ? 'mod.approve' : 'mod.unhide'));
  lift.addEventListener('click', () => busy(lift, messages, async () => {
    await api(`/api/v1/videos/${b.video.uuid}/blacklist`, { method: 'DELETE' });
    await reload();
    return t('mod.judged');
  }));
  return h('li', { class: 'setting-item blocked-item', 'data-uuid': b.video.uuid },
    h('div', { class: 'setting-main' },
      h('a', { class: 'setting-name', href: `/videos/watch/${b.video.uuid}` }, b.video.name), ' ',
      h('span', { class: 'badge' }, t(waiting ? 'mod.waiting' : 'mod.hidden')),
      b.reason ? h('p', { class: 'report-reason' }, b.reason) : null,
      h('p', { class: 'muted' }, ago(b.createdAt))),
    h('div', { class: 'actions' }, lift));
}

// The audit log's actions people read; any other route shows as it is.
const ACTIONS = {
  'POST /api/v1/users/{id}/block': 'audit.ban',
  'POST /api/v1/users/{id}/unblock': 'audit.unban',
  'PUT /api/v1/users/{id}': 'audit.updateUser',
  'POST /api/v1/videos/{id}/blacklist': 'audit.hideVideo',
  'DELETE /api/v1/videos/{id}/blacklist': 'audit.showVideo',
  'PUT /api/v1/abuses/{id}': 'audit.judgeReport',
  'POST /api/v1/users/registrations/{id}/accept': 'audit.acceptSignup',
  'POST /api/v1/users/registrations/{id}/reject': 'audit.rejectSignup',
  'POST /api/v1/server/blocklist/accounts': 'audit.muteAccount',
  'DELETE /api/v1/server/blocklist/accounts/{accountName}': 'audit.unmuteAccount',
  'POST /api/v1/server/blocklist/servers': 'audit.blockServer',
  'DELETE /api/v1/server/blocklist/servers/{host}': 'audit.unblockServer',
  'PUT /api/v1/config/custom': 'audit.config',
};

/** The audit log, newest first (admins). */
export function auditSection() {
  const messages = messagesRegion();
  const body = h('tbody');
  api('/api/v1/server/audit-log?count=100').then((page) => clear(body).append(...(page.data.length
    ? page.data.map((e) => h('tr', { 'data-action': e.action },
      h('td', null, h('time', { datetime: e.createdAt, title: e.createdAt }, ago(e.createdAt))),
      h('td', { class: 'audit-who' }, e.username),
      h('td', { class: 'audit-what' }, ACTIONS[e.action] ? t(ACTIONS[e.action]) : e.action),
      h('td', null, h('code', null, e.target)),
      h('td', { class: 'audit-why' }, e.reason || '')))
    : [h('tr', null, h('td', { colspan: 5, class: 'empty' }, t('audit.empty')))])))
    .catch(() => {});
  return h('section', { class: 'panel', id: 'audit', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title' }, t('audit.title')), h('p', { class: 'hint' }, t('audit.hint')), messages,
    h('div', { class: 'table-wrap' }, h('table', { id: 'audit-log' },
      h('thead', null, h('tr', null, ['audit.when', 'audit.who', 'audit.what', 'audit.target', 'audit.why']
        .map((k) => h('th', { scope: 'col' }, t(k))))), body)));
}
