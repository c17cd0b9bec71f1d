import { h, safeHtml } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { createPlayer } from '../player.js';
import { channelLink, fullDate, ago, pageTitle, privacyBadge, stateBadge, views, errorBox } from '../ui.js';
import { setTitle } from '../app.js';

export async function render(view, { args: [id] }) {
  const video = await api(`/api/v1/videos/${encodeURIComponent(id)}`);
  setTitle(video.name);
  const playable = video.streamingPlaylists?.length > 0;
  const stage = h('div', { class: 'stage' });
  let player = null;
  if (playable) {
    player = createPlayer(stage, video);
    let counted = false;
    player.video.addEventListener('timeupdate', () => {
      if (counted || player.video.currentTime < 1) return;
      counted = true;
      api(`/api/v1/videos/${video.uuid}/views`, { method: 'POST', json: { currentTime: Math.floor(player.video.currentTime) } }).catch(() => {});
    });
  } else {
    stage.append(h('div', { class: 'stage-placeholder', role: 'status' },
      video.state?.id === 7 ? t('video.failed') : t('video.processing')));
  }

  const shareUrl = `${location.origin}/w/${video.shortUUID}`;
  const shareInput = h('input', { id: 'share-link', readonly: true, value: shareUrl, onfocus: (e) => e.target.select() });
  const copyButton = h('button', { type: 'button', onclick: async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
    } catch {
      shareInput.select();
      document.execCommand?.('copy');
    }
    copyButton.textContent = t('video.copied');
    setTimeout(() => { copyButton.textContent = t('video.copy'); }, 2000);
  } }, t('video.copy'));

  const embedUrl = `${location.origin}/videos/embed/${video.uuid}`;
  const embedCode = `<iframe src="${embedUrl}" title="${video.name.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]))}" width="560" height="315" style="border:0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen sandbox="allow-same-origin allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>`;
  const open = video.privacy?.id === 1 || video.privacy?.id === 2;
  const channel = video.channel;
  view.append(
    stage,
    h('section', { class: 'watch-info' },
      pageTitle(video.name),
      h('p', { class: 'watch-meta' },
        privacyBadge(video.privacy), ' ', stateBadge(video.state), ' ',
        h('span', { class: 'views' }, views(video.views)), ' · ',
        h('time', { datetime: video.publishedAt, title: fullDate(video.publishedAt) },
          t('video.published', { when: ago(video.publishedAt) }))),
      channel ? h('p', { class: 'watch-channel' },
        h('a', { href: channelLink(channel), class: 'channel-link' }, channel.displayName || channel.name),
        h('span', { class: 'muted' }, ` ${t('video.by', { name: video.account?.displayName || video.account?.name || '' })}`)) : null,
      h('div', { class: 'share field' },
        h('label', { for: 'share-link' }, t('video.share')),
        h('div', { class: 'inline' }, shareInput, copyButton)),
      open ? h('details', { class: 'share-more' },
        h('summary', null, t('video.embed')),
        h('label', { for: 'embed-code', class: 'visually-hidden' }, t('video.embed')),
        h('textarea', { id: 'embed-code', readonly: true, rows: 3, onfocus: (e) => e.target.select(), value: embedCode })) : null,
      h('h2', { class: 'visually-hidden' }, t('video.description')),
      video.description
        ? safeHtml(video.descriptionHtml ?? '', 'rich-text description')
        : h('p', { class: 'muted' }, t('video.noDescription')),
      video.privacy?.id === 1 && channel?.id ? h('p', { class: 'feed' },
        h('a', { href: `/feeds/videos.xml?videoChannelId=${channel.id}`, type: 'application/rss+xml', class: 'feed-link' }, t('video.feed'))) : null));
  return () => player?.destroy();
}
