// Videos other people shared with me (by my handle).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { pageTitle, videoGrid } from '../ui.js';
import { requireLogin, setTitle } from '../nav.js';

export async function render(view) {
  if (!requireLogin()) return;
  setTitle(t('shared.title'));
  const list = await api('/api/v1/users/me/shared-videos?count=100');
  view.append(pageTitle(t('shared.title')), videoGrid(list.data, t('shared.empty')));
}
