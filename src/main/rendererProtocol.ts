import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

/** The renderer's own origin: app://bundle/ answers the built renderer's files and nothing else. */
export const RENDERER_SCHEME = 'app';
export const RENDERER_HOST = 'bundle';
export const RENDERER_PAGE = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`;

/**
 * Must run before the app is ready: a standard, secure scheme has an origin of its own ('self' in the
 * CSP), module scripts and fetch, as https would; file:// has none of that and reaches every file.
 */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const notFound = () => new Response('not found', { status: 404 });

/**
 * Answers app://bundle/<path> with that file of the renderer bundle, and 404 for anything else: another
 * host, another method, a path out of the bundle (.., encoded or through a link), a folder, a missing file.
 */
export function rendererRequestHandler(
  rendererDir: string,
  fetchFile: (url: string) => Promise<Response> = (url) => net.fetch(url),
): (request: Request) => Promise<Response> {
  const root = fs.realpathSync(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST || request.method !== 'GET') {
      return notFound();
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return notFound();
    }
    let file: string;
    try {
      file = fs.realpathSync(path.resolve(root, relative));
    } catch {
      return notFound();
    }
    const inside = path.relative(root, file);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside) || !fs.statSync(file).isFile()) {
      return notFound();
    }
    return fetchFile(pathToFileURL(file).href);
  };
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(RENDERER_SCHEME, rendererRequestHandler(rendererDir));
}
