import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, canModerate, currentUser, isAdmin } from '../api.js';
import { errorBox, okBox, pageTitle, say, fullDate, ago, bytes } from '../ui.js';
import { busy, field, messagesRegion, onSubmit } from '../form.js';
import { refreshInstance, requireLogin, setTitle } from '../nav.js';
import { auditSection, blockedVideosSection, registrationsSection, reportsSection } from '../moderation-admin.js';
import { instanceMutesSection, wordListsSection } from '../community.js';
import { backupSection } from '../backup-admin.js';
import { maintenanceSection, storageSection } from '../ops-admin.js';

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('admin.title'));
  view.append(pageTitle(t('admin.title')));
  if (!canModerate()) {
    view.append(errorBox({ detail: t('admin.forbidden') }));
    return;
  }
  // What a moderator's role allows; the instance's settings, users and machinery are the admin's.
  const moderation = () => [reportsSection(), registrationsSection(), blockedVideosSection(), instanceMutesSection(),
    wordListsSection('server-words', t('words.instance'), t('words.instanceHint'), '/api/v1/watched-words/server/lists')];
  if (!isAdmin()) {
    view.append(...moderation());
    return;
  }
  const [custom, users, config, categories] = await Promise.all([api('/api/v1/config/custom'),
    api('/api/v1/users?count=100&sort=createdAt'), api('/api/v1/config'), api('/api/v1/videos/categories', { anonymous: true })]);
  const storage = storageSection();
  view.append(...moderation(), instanceSection(custom, categories), usersSection(users), transcodingSection(config),
    storage.el, maintenanceSection(storage.reload), federationSection(), auditSection());
  const jobs = jobsSection();
  const tracker = trackerSection();
  const backup = backupSection();
  view.append(backup.el, tracker.el, jobs.el);
  return () => {
    jobs.stop();
    tracker.stop();
    backup.stop();
  };
}

// The instance's texts, set in advance: shown on About, and the rules at sign-up.
const ABOUT_TEXTS = ['terms', 'codeOfConduct', 'moderationInformation', 'administrator'];

function instanceSection(custom, categories) {
  const i = custom.instance;
  const name = h('input', { value: i.name, required: true, maxlength: 120 });
  const short = h('input', { value: i.shortDescription || '', maxlength: 250 });
  const description = h('textarea', { rows: 4, maxlength: 10000 });
  description.value = i.description || '';
  const texts = Object.fromEntries(ABOUT_TEXTS.map((k) => {
    const area = h('textarea', { rows: 4, maxlength: 10000 });
    area.value = i[k] || '';
    return [k, area];
  }));
  const languages = h('input', { value: (i.languages || []).join(', '), autocapitalize: 'none' });
  const cats = h('select', { multiple: true, size: 6 },
    Object.entries(categories).map(([id, label]) => h('option', { value: id, selected: (i.categories || []).includes(Number(id)) }, label)));
  const signup = h('input', { type: 'checkbox', id: 'signup', checked: !!custom.signup?.enabled });
  const approval = h('input', { type: 'checkbox', id: 'signup-approval', checked: !!custom.signup?.requiresApproval });
  const holdUploads = h('input', { type: 'checkbox', id: 'auto-block', checked: !!custom.autoBlacklist?.videos?.ofUsers?.enabled });
  const limit = h('input', { type: 'number', min: -1, value: custom.signup?.limit ?? -1 });
  const minimumAge = h('input', { type: 'number', min: 1, max: 120, value: custom.signup?.minimumAge ?? 16 });
  const messages = messagesRegion();
  const save = h('button', { type: 'submit', class: 'primary' }, t('admin.save'));
  const form = h('form', { class: 'form', id: 'instance-form' },
    field('instance-name', t('admin.name'), name),
    field('instance-short', t('admin.shortDescription'), short),
    field('instance-description', t('admin.description'), description),
    ...ABOUT_TEXTS.map((k) => field(`instance-${k}`, t(`admin.${k}`), texts[k])),
    h('div', { class: 'field-row' },
      field('instance-languages', t('admin.languages'), languages, t('admin.languagesHint')),
      field('instance-categories', t('admin.categories'), cats)),
    h('div', { class: 'field check' }, signup, h('label', { for: 'signup' }, t('admin.signup'))),
    h('div', { class: 'field check' }, approval, h('label', { for: 'signup-approval' }, t('admin.signupApproval'))),
    h('div', { class: 'field check' }, holdUploads, h('label', { for: 'auto-block' }, t('admin.autoBlock'))),
    h('div', { class: 'field-row' },
      field('signup-limit', t('admin.signupLimit'), limit, t('admin.signupLimitHint')),
      field('signup-minimum-age', t('admin.minimumAge'), minimumAge)),
    messages,
    h('div', { class: 'actions' }, save));
  onSubmit(form, save, messages, async () => {
    const instance = { name: name.value.trim(), shortDescription: short.value, description: description.value,
      languages: languages.value.split(',').map((l) => l.trim()).filter(Boolean),
      categories: [...cats.selectedOptions].map((o) => Number(o.value)) };
    for (const k of ABOUT_TEXTS) instance[k] = texts[k].value;
    const saved = await api('/api/v1/config/custom', { method: 'PUT', json: {
      instance,
      signup: { enabled: signup.checked, requiresApproval: approval.checked, limit: Number(limit.value), minimumAge: Number(minimumAge.value) },
      autoBlacklist: { videos: { ofUsers: { enabled: holdUploads.checked } } },
    } });
    refreshInstance(saved.instance.name);
    return t('admin.saved');
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'instance-title' }, h('h2', { id: 'instance-title' }, t('admin.instance')), form);
}

function usersSection(users) {
  const tbody = h('tbody');
  const listMessages = messagesRegion();
  const reload = async () => fill((await api('/api/v1/users?count=100&sort=createdAt')).data);
  const fill = (list) => clear(tbody).append(...list.map((u) => userRow(u, listMessages, reload)));
  fill(users.data);
  const username = h('input', { required: true, autocomplete: 'off', autocapitalize: 'none' });
  const email = h('input', { type: 'email', autocomplete: 'off' });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', null, [2, 1, 0].map((r) => h('option', { value: String(r) }, t(`admin.role.${r}`))));
  const messages = messagesRegion();
  const create = h('button', { type: 'submit' }, t('admin.createUser'));
  const form = h('form', { class: 'form', id: 'user-form' },
    h('div', { class: 'field-row' },
      field('new-username', t('admin.username'), username),
      field('new-email', t('admin.email'), email)),
    h('div', { class: 'field-row' },
      field('new-password', t('admin.password'), password),
      field('new-role', t('admin.role'), role)),
    messages,
    h('div', { class: 'actions' }, create));
  onSubmit(form, create, messages, async () => {
    const body = { username: username.value.trim(), password: password.value, role: Number(role.value) };
    if (email.value) body.email = email.value.trim();
    await api('/api/v1/users', { method: 'POST', json: body });
    form.reset();
    await reload();
    return t('admin.userCreated', { name: body.username });
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'users-title' },
    h('h2', { id: 'users-title' }, t('admin.users')),
    listMessages,
    h('div', { class: 'table-wrap' }, h('table', { id: 'users' },
      h('thead', null, h('tr', null, ['admin.username', 'admin.email', 'admin.role', 'admin.quota', 'admin.quotaDaily', 'admin.created', 'admin.actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      tbody)),
    h('h3', null, t('admin.createUser')), form);
}

/** When a job last moved, as PeerTube's job list tells it. */
const jobTime = (j) => j.finishedOn || j.processedOn || j.createdAt;

function jobsSection() {
  const messages = messagesRegion();
  const body = h('div', { class: 'table-wrap' });
  let timer = null;
  let stopped = false;
  const load = async () => {
    timer = null;
    try {
      const jobs = await api('/api/v1/jobs?count=50&sort=-createdAt');
      if (stopped) return;
      clear(body).append(jobs.data.length ? h('table', { id: 'jobs' },
        h('thead', null, h('tr', null, ['admin.job.id', 'admin.job.video', 'admin.job.state', 'admin.job.progress', 'admin.job.updated', ''].map((k) => h('th', { scope: 'col' }, k ? t(k) : '')))),
        h('tbody', null, jobs.data.map((j) => h('tr', null,
          h('td', null, String(j.id)),
          h('td', null, String(j.data.videoId)),
          h('td', null, h('span', { class: `badge job-${j.state}` }, t(`admin.job.state.${j.state}`)), j.error ? h('div', { class: 'job-error' }, j.error) : null),
          h('td', null, h('progress', { max: 100, value: j.state === 'completed' ? 100 : j.progress, 'aria-label': `${t('admin.job.progress')} ${j.id}` }), ` ${Math.floor(j.state === 'completed' ? 100 : j.progress)} %`),
          h('td', null, h('time', { datetime: jobTime(j), title: fullDate(jobTime(j)) }, ago(jobTime(j)))),
          h('td', null, j.state === 'failed' ? h('button', { type: 'button', onclick: () => retry(j.id) }, t('admin.job.retry')) : null)))))
        : h('p', { class: 'empty' }, t('admin.jobsEmpty')));
    } catch (err) {
      say(messages, errorBox(err));
    }
    if (!stopped) timer = setTimeout(load, 3000);
  };
  const retry = async (id) => {
    try {
      await api(`/api/v1/jobs/${id}/retry`, { method: 'POST' });
      say(messages, okBox(t('admin.job.retried', { id })));
      if (timer) clearTimeout(timer);
      load();
    } catch (err) {
      say(messages, errorBox(err));
    }
  };
  load();
  return {
    el: h('section', { class: 'panel', 'aria-labelledby': 'jobs-title' }, h('h2', { id: 'jobs-title' }, t('admin.jobs')), messages, body),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** The built-in WebTorrent tracker: GET /api/v1/admin/tracker/stats, every 5 s while the page is open. */
function trackerSection() {
  const messages = messagesRegion();
  const body = h('div', { id: 'tracker-stats' });
  let timer = null;
  let stopped = false;
  const row = (key, value) => [h('dt', null, t(key)), h('dd', null, String(value))];
  const load = async () => {
    timer = null;
    try {
      const s = await api('/api/v1/admin/tracker/stats');
      if (stopped) return;
      const refused = Object.entries(s.refusals || {});
      const total = refused.reduce((n, [, v]) => n + v, 0);
      clear(body).append(
        h('p', null, h('span', { class: `badge ${s.enabled ? 'job-completed' : 'job-failed'}` }, t(s.enabled ? 'admin.tracker.on' : 'admin.tracker.off'))),
        h('dl', { class: 'stats' },
          row('admin.tracker.swarms', s.swarms),
          row('admin.tracker.peers', t('admin.tracker.peersDetail', { peers: s.peers, seeders: s.seeders, leechers: s.leechers })),
          row('admin.tracker.sockets', s.sockets),
          row('admin.tracker.rate', t('admin.tracker.rateDetail', { rate: s.messagesPerSecond, n: s.messagesLastMinute })),
          row('admin.tracker.relayed', t('admin.tracker.relayedDetail', { announces: s.announcesLastMinute, offers: s.offersRelayedLastMinute, answers: s.answersRelayedLastMinute })),
          row('admin.tracker.admitted', s.admittedInfoHashes)),
        h('h3', null, t('admin.tracker.refusals', { n: total })),
        h('div', { class: 'table-wrap' }, h('table', { id: 'tracker-refusals' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('admin.tracker.reason')), h('th', { scope: 'col' }, t('admin.tracker.count')))),
          h('tbody', null, refused.map(([k, v]) => h('tr', { class: v ? null : 'muted' }, h('td', null, h('code', null, k)), h('td', null, String(v))))))));
    } catch (err) {
      say(messages, errorBox(err));
    }
    if (!stopped) timer = setTimeout(load, 5000);
  };
  load();
  return {
    el: h('section', { class: 'panel', 'aria-labelledby': 'tracker-title' },
      h('h2', { id: 'tracker-title' }, t('admin.tracker')), h('p', { class: 'hint' }, t('admin.tracker.hint')), messages, body),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A quota as people read it: "Unlimited" for -1, else a size. */
function quotaText(n) {
  return n == null || n < 0 ? t('admin.unlimited') : bytes(n);
}

/** A quota field: a number and its unit (MB or GB); empty means no limit (-1 to the API). */
function quotaField(id, label, value) {
  const unitGb = value > 0 && value % GB === 0;
  const number = h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal',
    value: value == null || value < 0 ? '' : String(value / (unitGb ? GB : MB)), 'aria-describedby': `${id}-hint` });
  const unit = h('select', { id: `${id}-unit`, 'aria-label': t('admin.quotaUnit', { what: label }) },
    h('option', { value: String(MB), selected: !unitGb }, t('admin.mb')),
    h('option', { value: String(GB), selected: unitGb }, t('admin.gb')));
  return {
    el: h('div', { class: 'field' }, h('label', { for: id }, label),
      h('div', { class: 'inline quota' }, number, unit), h('p', { class: 'hint', id: `${id}-hint` }, t('admin.quotaHint'))),
    value: () => (number.value.trim() === '' ? -1 : Math.round(Number(number.value) * Number(unit.value))),
  };
}

function userRow(u, messages, reload) {
  const tr = h('tr', { 'data-user': u.username });
  const me = currentUser()?.id === u.id;
  const show = () => clear(tr).append(
    h('td', null, u.username),
    h('td', null, u.email || ''),
    h('td', { class: 'user-role' }, t(`admin.role.${u.role.id}`)),
    h('td', { class: 'user-quota' }, quotaText(u.videoQuota)),
    h('td', { class: 'user-quota-daily' }, quotaText(u.videoQuotaDaily)),
    h('td', null, h('time', { datetime: u.createdAt, title: fullDate(u.createdAt) }, ago(u.createdAt))),
    h('td', { class: 'row-actions' },
      h('button', { type: 'button', class: 'edit-user', 'aria-label': t('admin.editUser', { name: u.username }), onclick: edit }, t('admin.edit')),
      me ? null : h('button', { type: 'button', class: 'danger remove-user', 'aria-label': t('admin.removeUser', { name: u.username }), onclick: confirmRemove }, t('admin.remove'))));
  const edit = () => {
    const prefix = `edit-${u.id}`;
    const role = h('select', { id: `${prefix}-role`, disabled: me },
      [2, 1, 0].map((r) => h('option', { value: String(r), selected: u.role.id === r }, t(`admin.role.${r}`))));
    const quota = quotaField(`${prefix}-quota`, t('admin.quota'), u.videoQuota);
    const daily = quotaField(`${prefix}-quota-daily`, t('admin.quotaDaily'), u.videoQuotaDaily);
    const password = h('input', { id: `${prefix}-password`, type: 'password', minlength: 6, autocomplete: 'new-password' });
    const trusted = h('input', { id: `${prefix}-trusted`, type: 'checkbox', checked: (u.adminFlags & 1) === 1 });
    const save = h('button', { type: 'submit', class: 'primary' }, t('admin.save'));
    const form = h('form', { class: 'form edit-user-form', 'aria-label': t('admin.editUser', { name: u.username }) },
      h('p', null, h('strong', null, u.username)),
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { for: `${prefix}-role` }, t('admin.role')), role),
        quota.el, daily.el),
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { for: password.id }, t('admin.newPassword')), password,
          h('p', { class: 'hint' }, t('admin.newPasswordHint'))),
        h('div', { class: 'field check' }, trusted, h('label', { for: trusted.id }, t('admin.trusted')))),
      h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => { show(); tr.querySelector('.edit-user').focus(); } }, t('admin.cancel'))));
    onSubmit(form, save, messages, async () => {
      const body = { videoQuota: quota.value(), videoQuotaDaily: daily.value(), adminFlags: trusted.checked ? 1 : 0 };
      if (password.value) body.password = password.value;
      if (!me) body.role = Number(role.value);
      await api(`/api/v1/users/${u.id}`, { method: 'PUT', json: body });
      await reload();
      return t('admin.userSaved', { name: u.username });
    });
    clear(tr).append(h('td', { colspan: 7 }, form));
    role.disabled ? quota.el.querySelector('input').focus() : role.focus();
  };
  const confirmRemove = () => {
    const cell = tr.querySelector('.row-actions');
    const yes = h('button', { type: 'button', class: 'danger confirm-remove' }, t('admin.removeYes'));
    const no = h('button', { type: 'button' }, t('admin.cancel'));
    no.addEventListener('click', () => {
      show();
      tr.querySelector('.remove-user').focus();
    });
    yes.addEventListener('click', () => busy(yes, messages, async () => {
      await api(`/api/v1/users/${u.id}`, { method: 'DELETE' });
      await reload();
      return t('admin.userRemoved', { name: u.username });
    }));
    clear(cell).append(h('div', { class: 'confirm', role: 'group', 'aria-label': t('admin.removeUser', { name: u.username }) },
      h('p', null, t('admin.removeConfirm', { name: u.username })), h('div', { class: 'actions' }, yes, no)));
    no.focus();
  };
  show();
  return tr;
}

/** The transcoding ladder is set by the environment, not here: shown read-only. */
function transcodingSection(config) {
  const ladder = (config.transcoding?.enabledResolutions || []).slice().sort((a, b) => a - b);
  return h('section', { class: 'panel', id: 'transcoding', 'aria-labelledby': 'transcoding-title' },
    h('h2', { id: 'transcoding-title' }, t('admin.transcoding')),
    ladder.length
      ? h('ul', { class: 'ladder', role: 'list' }, ladder.map((r) => h('li', { class: 'badge' }, `${r}p`)))
      : h('p', { class: 'empty' }, t('admin.transcodingNone')),
    h('p', { class: 'hint' }, t('admin.transcodingHint'), ' ', h('code', null, 'PEERLET_TRANSCODING_RESOLUTIONS'), '.'));
}

/** Instances we follow (add, remove) and instances following us (accept, reject). */
function federationSection() {
  const messages = messagesRegion();
  const following = h('ul', { class: 'my-list', id: 'following-list', role: 'list' });
  const followers = h('ul', { class: 'my-list', id: 'followers-list', role: 'list' });
  const act = (button, call, done) => busy(button, messages, async () => {
    await call();
    await load();
    return done;
  });
  const stateBadge = (state) => h('span', { class: `badge ${state === 'accepted' ? 'job-completed' : 'job-waiting'}` }, t(state === 'accepted' ? 'admin.fed.accepted' : 'admin.fed.pending'));
  const load = async () => {
    try {
      const [ing, ers] = await Promise.all([api('/api/v1/server/following?count=100'), api('/api/v1/server/followers?count=100')]);
      clear(following).append(...(ing.data.length ? ing.data.map((f) => {
        const host = f.following.host;
        const remove = h('button', { type: 'button', class: 'danger', 'aria-label': t('admin.fed.unfollowHost', { host }) }, t('admin.fed.unfollow'));
        remove.addEventListener('click', () => act(remove, () => api(`/api/v1/server/following/${encodeURIComponent(host)}`, { method: 'DELETE' }), t('admin.fed.unfollowed', { host })));
        return h('li', { class: 'setting-item', 'data-host': host },
          h('div', { class: 'setting-main' }, h('span', { class: 'setting-name' }, host), ' ', stateBadge(f.state)),
          h('div', { class: 'actions' }, remove));
      }) : [h('li', { class: 'empty' }, t('admin.fed.noFollowing'))]));
      clear(followers).append(...(ers.data.length ? ers.data.map((f) => {
        const handle = `${f.follower.name}@${f.follower.host}`;
        const buttons = [];
        if (f.state !== 'accepted') {
          const accept = h('button', { type: 'button', class: 'primary', 'aria-label': t('admin.fed.acceptHandle', { handle }) }, t('admin.fed.accept'));
          accept.addEventListener('click', () => act(accept, () => api(`/api/v1/server/followers/${encodeURIComponent(handle)}/accept`, { method: 'POST' }), t('admin.fed.accepted.done', { handle })));
          buttons.push(accept);
        }
        const reject = h('button', { type: 'button', class: 'danger', 'aria-label': t('admin.fed.rejectHandle', { handle }) }, t(f.state === 'accepted' ? 'admin.fed.remove' : 'admin.fed.reject'));
        reject.addEventListener('click', () => act(reject, () => api(`/api/v1/server/followers/${encodeURIComponent(handle)}/reject`, { method: 'POST' }), t('admin.fed.rejected', { handle })));
        buttons.push(reject);
        return h('li', { class: 'setting-item', 'data-handle': handle },
          h('div', { class: 'setting-main' }, h('span', { class: 'setting-name' }, handle), ' ', stateBadge(f.state)),
          h('div', { class: 'actions' }, buttons));
      }) : [h('li', { class: 'empty' }, t('admin.fed.noFollowers'))]));
    } catch (err) {
      say(messages, errorBox(err));
    }
  };
  const host = h('input', { id: 'follow-host', required: true, placeholder: 'videos.example.org', autocapitalize: 'none', autocomplete: 'off', 'aria-describedby': 'follow-host-hint' });
  const add = h('button', { type: 'submit' }, t('admin.fed.follow'));
  const form = h('form', { class: 'form', id: 'follow-form' },
    h('div', { class: 'field' }, h('label', { for: 'follow-host' }, t('admin.fed.host')),
      h('div', { class: 'inline' }, host, add), h('p', { class: 'hint', id: 'follow-host-hint' }, t('admin.fed.hostHint'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = host.value.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    act(add, async () => {
      await api('/api/v1/server/following', { method: 'POST', json: { hosts: [value] } });
      form.reset();
    }, t('admin.fed.followed', { host: value }));
  });
  load();
  return h('section', { class: 'panel', id: 'federation', 'aria-labelledby': 'federation-title' },
    h('h2', { id: 'federation-title' }, t('admin.federation')), messages,
    h('h3', null, t('admin.fed.following')), following, form,
    h('h3', null, t('admin.fed.followers')), followers);
}
