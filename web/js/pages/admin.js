import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, isAdmin } from '../api.js';
import { errorBox, okBox, pageTitle, say, fullDate, ago } from '../ui.js';
import { refreshInstance, requireLogin, setTitle } from '../app.js';

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('admin.title'));
  view.append(pageTitle(t('admin.title')));
  if (!isAdmin()) {
    view.append(errorBox({ detail: t('admin.forbidden') }));
    return;
  }
  const [custom, users] = await Promise.all([api('/api/v1/config/custom'), api('/api/v1/users?count=100&sort=createdAt')]);
  view.append(instanceSection(custom), usersSection(users));
  const jobs = jobsSection();
  const tracker = trackerSection();
  view.append(tracker.el, jobs.el);
  return () => {
    jobs.stop();
    tracker.stop();
  };
}

function field(id, label, input, hint) {
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null);
}

function instanceSection(custom) {
  const i = custom.instance;
  const name = h('input', { value: i.name, required: true, maxlength: 120 });
  const short = h('input', { value: i.shortDescription || '', maxlength: 250 });
  const description = h('textarea', { rows: 4, maxlength: 10000 });
  description.value = i.description || '';
  const terms = h('textarea', { rows: 4, maxlength: 10000 });
  terms.value = i.terms || '';
  const signup = h('input', { type: 'checkbox', id: 'signup', checked: !!custom.signup?.enabled });
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'form', id: 'instance-form' },
    field('instance-name', t('admin.name'), name),
    field('instance-short', t('admin.shortDescription'), short),
    field('instance-description', t('admin.description'), description),
    field('instance-terms', t('admin.terms'), terms),
    h('div', { class: 'field check' }, signup, h('label', { for: 'signup' }, t('admin.signup'))),
    messages,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('admin.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const saved = await api('/api/v1/config/custom', { method: 'PUT', json: {
        instance: { name: name.value.trim(), shortDescription: short.value, description: description.value, terms: terms.value },
        signup: { enabled: signup.checked },
      } });
      refreshInstance(saved.instance.name);
      say(messages, okBox(t('admin.saved')));
    } catch (err) {
      say(messages, errorBox(err));
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'instance-title' }, h('h2', { id: 'instance-title' }, t('admin.instance')), form);
}

function usersSection(users) {
  const tbody = h('tbody');
  const fill = (list) => clear(tbody).append(...list.map((u) => h('tr', null,
    h('td', null, u.username),
    h('td', null, u.email || ''),
    h('td', null, t(`admin.role.${u.role.id}`)),
    h('td', null, h('time', { datetime: u.createdAt, title: fullDate(u.createdAt) }, ago(u.createdAt))))));
  fill(users.data);
  const username = h('input', { required: true, autocomplete: 'off', autocapitalize: 'none' });
  const email = h('input', { type: 'email', autocomplete: 'off' });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', null, [2, 1, 0].map((r) => h('option', { value: String(r) }, t(`admin.role.${r}`))));
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'form', id: 'user-form' },
    h('div', { class: 'field-row' },
      field('new-username', t('admin.username'), username),
      field('new-email', t('admin.email'), email)),
    h('div', { class: 'field-row' },
      field('new-password', t('admin.password'), password),
      field('new-role', t('admin.role'), role)),
    messages,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.createUser'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const body = { username: username.value.trim(), password: password.value, role: Number(role.value) };
      if (email.value) body.email = email.value.trim();
      await api('/api/v1/users', { method: 'POST', json: body });
      say(messages, okBox(t('admin.userCreated', { name: body.username })));
      form.reset();
      fill((await api('/api/v1/users?count=100&sort=createdAt')).data);
    } catch (err) {
      say(messages, errorBox(err));
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'users-title' },
    h('h2', { id: 'users-title' }, t('admin.users')),
    h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, ['admin.username', 'admin.email', 'admin.role', 'admin.created'].map((k) => h('th', { scope: 'col' }, t(k))))),
      tbody)),
    h('h3', null, t('admin.createUser')), form);
}

function jobsSection() {
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
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
          h('td', null, String(j.videoId)),
          h('td', null, h('span', { class: `badge job-${j.state}` }, t(`admin.job.state.${j.state}`)), j.error ? h('div', { class: 'job-error' }, j.error) : null),
          h('td', null, h('progress', { max: 100, value: j.state === 'done' ? 100 : j.progress, 'aria-label': `${t('admin.job.progress')} ${j.id}` }), ` ${Math.floor(j.state === 'done' ? 100 : j.progress)} %`),
          h('td', null, h('time', { datetime: j.updatedAt, title: fullDate(j.updatedAt) }, ago(j.updatedAt))),
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
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
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
        h('p', null, h('span', { class: `badge ${s.enabled ? 'job-done' : 'job-failed'}` }, t(s.enabled ? 'admin.tracker.on' : 'admin.tracker.off'))),
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
