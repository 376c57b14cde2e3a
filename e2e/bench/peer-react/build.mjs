// Builds the React 18 peer of the rubric grid into peer-react/dist/ (index.html + main.js):
// esbuild, production React, minified. Run alone with `node bench/peer-react/build.mjs`.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
export const peerDist = path.join(here, "dist");

/** Builds the peer; resolves to the dist directory. */
export async function buildPeer() {
  await mkdir(peerDist, { recursive: true });
  await build({
    entryPoints: [path.join(here, "src/main.jsx")],
    outfile: path.join(peerDist, "main.js"),
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "warning",
  });
  await copyFile(path.join(here, "index.html"), path.join(peerDist, "index.html"));
  return peerDist;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPeer();
  console.log(`React peer built into ${path.relative(process.cwd(), peerDist) || "."}`);
}
