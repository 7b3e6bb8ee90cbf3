// Hash routes of the web app: #/dashboard, #/sheet, #/page?url=…, #/queue, #/approval, #/users, #/signin.
// A hash that does not start with "#/" (the skip link's #main) is not a route and leaves the screen as it is.
import type { ViewId } from './texts-ja.js';

export interface Route {
  view: ViewId;
  params: URLSearchParams;
}

const VIEWS: ViewId[] = ['signin', 'dashboard', 'sheet', 'page', 'queue', 'approval', 'users'];

/** The route of a location hash, or null when the hash is not a route. */
export function parseHash(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return { view: 'dashboard', params: new URLSearchParams() };
  if (!hash.startsWith('#/')) return null;
  const [name, q] = hash.slice(2).split('?', 2);
  const view = (VIEWS as string[]).includes(name) ? (name as ViewId) : 'notFound';
  return { view, params: new URLSearchParams(q ?? '') };
}
