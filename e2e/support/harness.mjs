// Starts rubric-server with a fresh in-memory demo database serving the release bundle, and
// Debian's Chromium through playwright-core (never a downloaded browser).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.env.RUBRIC_SERVER_BIN || path.join(root, "target/release/rubric-server");
const dist = process.env.RUBRIC_DIST || path.join(root, "dist");
const axeSource = readFileSync(path.join(root, "e2e/node_modules/axe-core/axe.min.js"), "utf8");

export const TOKENS = { admin: "demo-admin-token", teacher: "demo-teacher-token", student: "demo-student-token" };

/**
 * Starts a server; resolves to { url, stop }. By default on a free loopback port with a fresh
 * in-memory demo database; `db` (a file) and `addr` (host:port) restart one where it was.
 */
export async function startServer({ db = ":memory:", addr = "127.0.0.1:0" } = {}) {
  const child = spawn(binary, ["--addr", addr, "--db", db, "--demo", "--dist", dist], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("rubric-server did not start")), 10000);
    lines.on("line", (line) => {
      const match = line.match(/^rubric-server listening on (http:\/\/\S+?)\/?$/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`rubric-server exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGKILL") };
}

/** Launches headless Chromium with the flags that keep it off the closed network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Calls the API directly, as a check of what the server stored. */
export async function api(server, pathname, token = TOKENS.admin, init = {}) {
  const response = await fetch(server.url + pathname, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers || {}) },
  });
  return { status: response.status, body: await response.json() };
}

/** POSTs `fields` (an object or URLSearchParams) form-encoded to the API, as Canvas's forms do. */
export async function postForm(server, pathname, token, fields) {
  return api(server, pathname, token, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Runs axe-core on `selector` and returns the violations (WCAG 2.x A and AA rules). */
export async function axeViolations(page, selector = "body") {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(document.querySelector(sel), {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  }, selector);
}

/** The editor bundle files (`bundles/<name>`) the page has downloaded so far. */
export async function bundleFiles(page) {
  return page.evaluate(() =>
    performance.getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith("/bundles/"))
      .map((path) => path.slice("/bundles/".length))
      .sort());
}
