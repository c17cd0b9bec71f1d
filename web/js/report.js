import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { okBox } from './ui.js';
import { busy, field, messagesRegion } from './form.js';

// "Report": a small form under the thing reported, sent to the moderators (PeerTube's abuses).
// `target` is the body's part naming it: { video: { id } }, { comment: { id } } or { account: { id } }.
export function reportButton(target, key) {
  const wrap = h('span', { class: 'report' });
  const open = h('button', { type: 'button', class: 'link report-open', id: `report-${key}` }, t('report.button'));
  open.addEventListener('click', () => {
    if (wrap.querySelector('form')) return;
    const reason = h('textarea', { rows: 3, required: true, minlength: 2, maxlength: 3000 });
    const messages = messagesRegion();
    const send = h('button', { type: 'submit' }, t('report.send'));
    const form = h('form', { class: 'form report-form', id: `report-form-${key}` },
      field(`report-reason-${key}`, t('report.reason'), reason), messages, h('div', { class: 'actions' }, send));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(send, messages, async () => {
        await api('/api/v1/abuses', { method: 'POST', json: { reason: reason.value.trim(), ...target } });
        form.replaceWith(okBox(t('report.sent')));
        open.remove();
      });
    });
    wrap.append(form);
    reason.focus();
  });
  wrap.prepend(open);
  return wrap;
}
