import { h, plainText } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { pageTitle, videoGrid } from '../ui.js';
import { setTitle } from '../app.js';

export async function render(view, { args: [handle] }) {
  const enc = encodeURIComponent(handle);
  const [channel, list] = await Promise.all([
    api(`/api/v1/video-channels/${enc}`),
    api(`/api/v1/video-channels/${enc}/videos?sort=-publishedAt&count=48`),
  ]);
  setTitle(channel.displayName);
  view.append(
    h('header', { class: 'channel-header' },
      h('div', { class: 'avatar', 'aria-hidden': 'true' }, (channel.displayName || channel.name || '?').slice(0, 1).toUpperCase()),
      h('div', null,
        pageTitle(channel.displayName || channel.name),
        h('p', { class: 'muted' }, `${channel.name}@${channel.host}`, ' · ',
          t('channel.owner', { name: channel.ownerAccount?.displayName || channel.ownerAccount?.name || '' })))),
    channel.description ? plainText(channel.description) : null,
    h('h2', null, t('channel.videos')),
    videoGrid(list.data, t('channel.empty')));
}
