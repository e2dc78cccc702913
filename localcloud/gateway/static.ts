import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { CONTENT_TYPES } from '../storage'

const TYPES: Record<string, string> = {
  ...CONTENT_TYPES,
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Serves one file from `root` if `urlPath` names one inside it; false when there is none. */
export function serveFile(res: ServerResponse, root: string, urlPath: string, cache: string): boolean {
  let rel: string
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '')
  } catch {
    return false
  }
  const file = resolve(join(root, rel))
  if (!file.startsWith(resolve(root) + sep) || !existsSync(file) || !statSync(file).isFile()) return false
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  })
  createReadStream(file).pipe(res)
  return true
}
