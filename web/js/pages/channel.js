import { h, plainText } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { accountLink, profileHeader, videoGrid } from '../ui.js';
import { setTitle } from '../nav.js';
import { subscribeButton } from '../reactions.js';
import { playlistList } from '../playlist-add.js';

export async function render(view, { args: [handle] }) {
  const enc = encodeURIComponent(handle);
  const [channel, list, playlists] = await Promise.all([
    api(`/api/v1/video-channels/${enc}`),
    api(`/api/v1/video-channels/${enc}/videos?sort=-publishedAt&count=48`),
    api(`/api/v1/video-channels/${enc}/video-playlists?count=48`),
  ]);
  setTitle(channel.displayName);
  view.append(
    profileHeader(channel, channel.displayName || channel.name, `${channel.name}@${channel.host}`, ' · ',
      channel.ownerAccount
        ? h('a', { href: accountLink(channel.ownerAccount) },
          t('channel.owner', { name: channel.ownerAccount.displayName || channel.ownerAccount.name }))
        : null, ' ', subscribeButton(channel)),
    channel.description ? plainText(channel.description) : '',
    h('h2', null, t('channel.videos')),
    videoGrid(list.data, t('channel.empty')),
    h('h2', null, t('channel.playlists')),
    h('div', { id: 'channel-playlists' }, playlistList(playlists.data, t('playlist.none'))));
}
