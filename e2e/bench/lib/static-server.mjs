// A tiny static file server on a free loopback port (no dependency): serves `mounts`, a list of
// [url prefix, directory] pairs, first match wins; `/` serves index.html.
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Resolves to { url, stop }. */
export async function startStaticServer(mounts) {
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    for (const [prefix, dir] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const relative = pathname.slice(prefix.length).replace(/^\/+/, "") || "index.html";
      const file = path.resolve(dir, relative);
      if (!file.startsWith(path.resolve(dir) + path.sep)) break;
      try {
        const body = await readFile(file);
        response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
        response.end(body);
        return;
      } catch {
        // not in this mount: try the next one
      }
    }
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("not found");
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
