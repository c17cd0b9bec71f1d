// The approval queue of a video's owner: comments held for review on my videos (PeerTube's
// users/me/videos/comments?isHeldForReview=true), each approved or deleted here.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { ago, fullDate, errorBox, okBox, say, videoLink } from './ui.js';
import { avatar } from './faces.js';
import { commentBody } from './comments.js';

/** The section, empty (hidden) while nothing waits. */
export function heldComments() {
  const list = h('ul', { class: 'held-list', role: 'list' });
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const section = h('section', { class: 'held-comments', id: 'held-comments', hidden: true, 'aria-labelledby': 'held-title' },
    h('h2', { id: 'held-title' }, t('held.title')), messages, list);

  const act = async (c, li, how) => {
    const path = `/api/v1/videos/${c.video.uuid}/comments/${c.id}${how === 'approve' ? '/approve' : ''}`;
    li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await api(path, { method: how === 'approve' ? 'POST' : 'DELETE' });
      li.remove();
      say(messages, okBox(t(how === 'approve' ? 'held.approved' : 'held.deleted')));
      if (!list.children.length) list.append(h('li', { class: 'empty' }, t('held.none')));
    } catch (err) {
      li.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      say(messages, errorBox(err));
    }
  };

  const item = (c) => {
    const li = h('li', { class: 'held-item comment', 'data-id': c.id });
    const who = c.account ? `${c.account.displayName || c.account.name} @${c.account.name}@${c.account.host}` : '';
    li.append(
      h('p', { class: 'comment-meta' }, c.account ? avatar(c.account, 32, 'comment-avatar') : null, ' ',
        h('strong', { class: 'comment-author' }, who), ' ', t('held.on'), ' ',
        h('a', { href: videoLink(c.video) }, c.video.name), ' ',
        h('time', { datetime: c.createdAt, title: fullDate(c.createdAt), class: 'muted' }, ago(c.createdAt))),
      commentBody(c),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary approve', onclick: () => act(c, li, 'approve') }, t('held.approve')),
        h('button', { type: 'button', class: 'danger delete-held', onclick: () => act(c, li, 'delete') }, t('comments.delete'))));
    return li;
  };

  api('/api/v1/users/me/videos/comments?isHeldForReview=true&count=100').then((page) => {
    clear(list);
    if (!page.data.length) return;
    page.data.forEach((c) => list.append(item(c)));
    section.hidden = false;
  }).catch((err) => {
    section.hidden = false;
    say(messages, errorBox(err));
  });
  return section;
}
