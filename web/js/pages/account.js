import { h, plainText } from '../dom.js';
import { t } from '../i18n.js';
import { api, currentUser } from '../api.js';
import { muteButton } from '../community.js';
import { channelLink, profileHeader, videoGrid } from '../ui.js';
import { setTitle } from '../nav.js';

/** A person's page: who they are, their channels, the videos the viewer may see. */
export async function render(view, { args: [name] }) {
  const enc = encodeURIComponent(name);
  const [account, channels, list] = await Promise.all([
    api(`/api/v1/accounts/${enc}`),
    api(`/api/v1/accounts/${enc}/video-channels`),
    api(`/api/v1/accounts/${enc}/videos?sort=-publishedAt&count=48`),
  ]);
  const display = account.displayName || account.name;
  setTitle(display);
  const me = currentUser();
  view.append(
    profileHeader(account, display, `${account.name}@${account.host}`),
    me && me.account?.id !== account.id && account.userId !== me.id ? muteButton(`${account.name}@${account.host}`) : null,
    account.description ? plainText(account.description) : '',
    h('h2', null, t('account.channels')),
    channels.data.length
      ? h('ul', { class: 'account-channels' },
        channels.data.map((c) => h('li', null, h('a', { href: channelLink(c) }, c.displayName || c.name))))
      : h('p', { class: 'empty' }, t('account.noChannels')),
    h('h2', null, t('account.videos')),
    videoGrid(list.data, t('account.empty')));
}
