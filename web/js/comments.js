// The conversation under a video: its threads (newest or oldest first), replies as a tree,
// a form to comment or answer, delete for the author, the video's owner and moderators.
// Comment text arrives as the server's safe HTML (textHtml) and is cleaned again by rich-text.js.
import { reportButton } from './report.js';
import { h, clear } from './dom.js';
import { safeHtml } from './rich-text.js';
import { t } from './i18n.js';
import { api, currentUser } from './api.js';
import { ago, fullDate, errorBox } from './ui.js';
import { avatar } from './faces.js';

const PAGE = 20;

/** A comment's text, behind its content warning (closed until the reader opens it) if it has one. */
export function commentBody(c) {
  if (c.isDeleted) return h('p', { class: 'comment-deleted muted' }, t('comments.deleted'));
  const text = safeHtml(c.textHtml ?? '', 'comment-body rich-text');
  if (!c.contentWarning) return text;
  return h('details', { class: 'content-warning' }, h('summary', null, t('comments.warning', { what: c.contentWarning })), text);
}

/** The comments section of a video; `headers` carry the viewer's access (share token, password). */
export function commentsSection(video, headers = {}) {
  const me = currentUser();
  const state = { sort: '-createdAt', start: 0 };
  const list = h('ol', { class: 'comment-list', id: 'comment-list' });
  const more = h('button', { type: 'button', class: 'more-comments', hidden: true, onclick: () => load(false) }, t('comments.more'));
  const count = h('span', { class: 'comment-count' });
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const policy = video.commentsPolicy?.id ?? 1;
  const owner = me && video.account && me.account?.id === video.account.id;
  const canJudge = Boolean(owner || (me && me.role?.id <= 1));

  const load = async (fresh) => {
    if (fresh) {
      state.start = 0;
      clear(list);
    }
    try {
      const page = await api(`/api/v1/videos/${video.uuid}/comment-threads?start=${state.start}&count=${PAGE}&sort=${state.sort}`, { headers });
      state.start += page.data.length;
      count.textContent = t('comments.count', { n: page.totalNotDeletedComments ?? page.total });
      for (const c of page.data) list.append(threadItem(c));
      more.hidden = state.start >= page.total;
    } catch (err) {
      messages.append(errorBox(err));
    }
  };

  const post = async (path, text) => {
    const res = await api(path, { method: 'POST', json: { text }, headers });
    if (res.comment.heldForReview) messages.replaceChildren(h('div', { class: 'notice ok', role: 'status' }, t('comments.held')));
    return res.comment;
  };

  const form = (onSent, label, id) => {
    const area = h('textarea', { id, rows: 3, maxlength: 10000, required: true, class: 'comment-text' });
    const send = h('button', { type: 'submit', class: 'primary' }, label);
    const f = h('form', { class: 'comment-form' },
      h('label', { for: id, class: 'visually-hidden' }, label), area, h('div', { class: 'actions' }, send));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!area.value.trim()) return;
      send.disabled = true;
      try {
        await onSent(area.value);
        area.value = '';
      } catch (err) {
        f.append(errorBox(err));
      } finally {
        send.disabled = false;
      }
    });
    return f;
  };

  const commentNode = (c, replies) => {
    const mine = Boolean(me && c.account && me.account?.id === c.account.id);
    const actions = h('div', { class: 'comment-actions' });
    const holder = h('div', { class: 'comment-replies' });
    if (me && !c.isDeleted && policy !== 2) {
      actions.append(h('button', { type: 'button', class: 'link reply', onclick: () => {
        if (holder.querySelector('form')) return;
        const f = form(async (text) => {
          const added = await post(`/api/v1/videos/${video.uuid}/comments/${c.id}`, text);
          f.remove();
          holder.append(h('ol', { class: 'comment-list' }, h('li', null, commentNode(added, []))));
        }, t('comments.reply'), `reply-${c.id}`);
        holder.prepend(f);
        f.querySelector('textarea').focus();
      } }, t('comments.reply')));
    }
    if (me && !c.isDeleted && (mine || canJudge)) {
      actions.append(h('button', { type: 'button', class: 'link danger delete-comment', onclick: async (e) => {
        if (!confirm(t('comments.confirmDelete'))) return;
        try {
          await api(`/api/v1/videos/${video.uuid}/comments/${c.id}`, { method: 'DELETE', headers });
          e.target.closest('article').replaceWith(commentNode({ ...c, isDeleted: true, account: null }, []));
        } catch (err) {
          actions.append(errorBox(err));
        }
      } }, t('comments.delete')));
    }
    if (me && !c.isDeleted && !mine) actions.append(reportButton({ comment: { id: c.id } }, `comment-${c.id}`));
    if (replies.length) holder.append(h('ol', { class: 'comment-list' }, replies.map((r) => h('li', null, commentNode(r.comment, r.children)))));
    const who = c.account ? `${c.account.displayName || c.account.name} @${c.account.name}@${c.account.host}` : '';
    return h('article', { class: 'comment', id: `comment-${c.id}`, 'data-id': c.id },
      h('p', { class: 'comment-meta' },
        c.account ? avatar(c.account, 32, 'comment-avatar') : null, ' ',
        who ? h('strong', { class: 'comment-author' }, who) : null, ' ',
        h('time', { datetime: c.createdAt, title: fullDate(c.createdAt), class: 'muted' }, ago(c.createdAt)),
        c.heldForReview ? h('span', { class: 'badge' }, t('comments.awaiting')) : null),
      commentBody(c), actions, holder);
  };

  const threadItem = (c) => {
    const li = h('li', { class: 'thread' });
    const node = commentNode(c, []);
    li.append(node);
    if (c.totalReplies > 0) {
      const open = h('button', { type: 'button', class: 'link show-replies', onclick: async () => {
        open.disabled = true;
        try {
          const tree = await api(`/api/v1/videos/${video.uuid}/comment-threads/${c.id}`, { headers });
          li.replaceChildren(commentNode(tree.comment, tree.children));
        } catch (err) {
          li.append(errorBox(err));
        }
      } }, t('comments.showReplies', { n: c.totalReplies }));
      node.append(open);
    }
    return li;
  };

  const sort = h('select', { id: 'comment-sort', onchange: (e) => {
    state.sort = e.target.value;
    load(true);
  } }, h('option', { value: '-createdAt' }, t('comments.newest')), h('option', { value: 'createdAt' }, t('comments.oldest')));

  let writer = null;
  if (policy === 2) writer = h('p', { class: 'muted' }, t('comments.disabled'));
  else if (me) {
    writer = form(async (text) => {
      const c = await post(`/api/v1/videos/${video.uuid}/comment-threads`, text);
      list.prepend(threadItem(c));
    }, t('comments.send'), 'comment-new');
  } else writer = h('p', { class: 'muted' }, h('a', { href: `/login?next=${encodeURIComponent(location.pathname)}` }, t('comments.loginToComment')));

  load(true);
  return h('section', { class: 'comments', id: 'comments', 'aria-labelledby': 'comments-title' },
    h('h2', { id: 'comments-title' }, t('comments.title'), ' ', count),
    h('div', { class: 'comment-tools' }, h('label', { for: 'comment-sort' }, t('comments.sort')), sort),
    writer, messages, list, more);
}
