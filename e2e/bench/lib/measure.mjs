// The benchmark's measuring functions. They know only the DOM facts both grids share (inputs
// found by aria-label, the total in `.rbe-total__value`, rows as `tr[data-criterion]`), so the
// same function measures our editor and the React peer. All times are taken in the page with
// performance.now(); a selector or a change that never comes fails with a timeout instead of
// hanging (a broken page must fail loudly; a slow one only prints a slow figure).

export const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 15000);

/** Installs `window.__bench` in the page: waits on the DOM, frames and a pending sample. */
export async function installHelpers(page) {
  await page.evaluate((timeout) => {
    if (window.__bench) return;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    // The next frame is painted once its rAF callbacks ran and the task after them starts.
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
    const conditions = {
      present: ({ selector }) => document.querySelector(selector) !== null,
      absent: ({ selector }) => document.querySelector(selector) === null,
      rows: ({ count, present, absent }) =>
        document.querySelectorAll("tr[data-criterion]").length === count &&
        (!present || document.querySelector(present) !== null) &&
        (!absent || document.querySelector(absent) === null),
      mastery: ({ label }) => {
        const row = document.querySelector(`[aria-label="${label}"]`)?.closest("tr");
        const badge = row?.querySelector(".rbe-badge");
        return Boolean(row && row.classList.contains("rbe-level--mastery") && badge && !badge.classList.contains("rbe-hidden"));
      },
    };
    /** Resolves to performance.now() when `conditions[name](args)` holds, checked on every DOM change. */
    const until = (name, args, what) => new Promise((resolve, reject) => {
      const check = conditions[name];
      if (check(args)) { resolve(performance.now()); return; }
      const observer = new MutationObserver(() => {
        if (check(args)) { clearTimeout(timer); observer.disconnect(); resolve(performance.now()); }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`${what}: ${name} ${JSON.stringify(args)} did not hold within ${timeout} ms`));
      }, timeout);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    /** Resolves to performance.now() when "Total points" no longer reads `before`. */
    const totalChanged = (before, what) => {
      const total = document.querySelector(".rbe-total__value");
      if (!total) return Promise.reject(new Error(`${what}: no .rbe-total__value`));
      return new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (total.textContent !== before) { clearTimeout(timer); observer.disconnect(); resolve(performance.now()); }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${what}: "Total points" stayed ${before} for ${timeout} ms`));
        }, timeout);
        observer.observe(total, { childList: true, characterData: true, subtree: true });
      });
    };
    const byLabel = (label) => {
      const element = document.querySelector(`[aria-label="${label}"]`);
      if (!element) throw new Error(`no element labelled "${label}"`);
      return element;
    };
    // Sets a text field's value past React's value tracker (the prototype's setter), as typing does.
    const setValue = (input, value) => {
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, "value").set.call(input, value);
    };
    const holds = (name, args) => conditions[name](args);
    window.__bench = { timeout, holds, nextFrame, painted, until, totalChanged, byLabel, setValue, pending: null };
  }, TIMEOUT_MS);
}

/**
 * `input` events in the points cell of rating 1 (the highest) of criterion 1, 2, … in turn:
 * milliseconds from the dispatch to the changed "Total points", and to the next painted frame.
 * Each value differs from the cell's current one and stays the criterion's maximum, so every
 * sample changes the total (a sample that does not fails on the timeout).
 */
export async function inputToTotal(page, { criteria, samples, warmup }) {
  return page.evaluate(async ({ criteria, samples, warmup }) => {
    const { byLabel, setValue, totalChanged, painted, nextFrame } = window.__bench;
    const results = { total: [], frame: [] };
    for (let i = 0; i < warmup + samples; i += 1) {
      const label = `Criterion ${1 + (i % criteria)} rating 1 points`;
      const input = byLabel(label);
      const total = document.querySelector(".rbe-total__value");
      const before = total.textContent;
      let value = String(10 + ((i + 1) % 7) + 0.5);
      if (input.value === value) value = String(Number(value) + 1);
      const changed = totalChanged(before, `input in ${label}`);
      const start = performance.now();
      setValue(input, value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const updated = await changed;
      const framed = await painted();
      if (i >= warmup) {
        results.total.push(updated - start);
        results.frame.push(framed - start);
      }
    }
    await nextFrame();
    return results;
  }, { criteria, samples, warmup });
}

/**
 * Real key presses (page.keyboard.press) in the points cell of rating 1 of criterion 1, 2, …:
 * the cell is focused with the caret at the end, then "5" is typed, or on the next visit of the
 * same cell deleted with Backspace, so the total changes every time. Milliseconds from the
 * keydown (a capture listener on window, the first to see it) to the changed "Total points" and
 * to the next painted frame after it.
 */
export async function keyToFrame(page, { criteria, samples, warmup }) {
  const results = { total: [], frame: [] };
  for (let i = 0; i < warmup + samples; i += 1) {
    const label = `Criterion ${1 + (i % criteria)} rating 1 points`;
    const key = Math.floor(i / criteria) % 2 === 0 ? "5" : "Backspace";
    await page.evaluate(async ({ label, key }) => {
      const bench = window.__bench;
      const input = bench.byLabel(label);
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      // Let the previous cell's blur (rounding, undo sealing) and the focus change settle.
      await bench.nextFrame();
      await bench.nextFrame();
      if (document.activeElement !== input) throw new Error(`${label} did not keep the focus`);
      const before = document.querySelector(".rbe-total__value").textContent;
      const valueBefore = input.value;
      let keydownAt = null;
      window.addEventListener("keydown", () => { keydownAt = performance.now(); }, { capture: true, once: true });
      const changed = bench.totalChanged(before, `key ${key} in ${label}`);
      bench.pending = (async () => {
        const updated = await changed;
        const framed = await bench.painted();
        if (keydownAt === null) throw new Error(`key ${key} in ${label}: no keydown seen`);
        const expected = key === "Backspace" ? valueBefore.slice(0, -1) : valueBefore + key;
        if (input.value !== expected) throw new Error(`key ${key} in ${label}: the cell reads "${input.value}", not "${expected}"`);
        return { total: updated - keydownAt, frame: framed - keydownAt };
      })();
      bench.pending.catch(() => {});
    }, { label, key });
    await page.keyboard.press(key);
    const sample = await page.evaluate(() => window.__bench.pending);
    if (i >= warmup) {
      results.total.push(sample.total);
      results.frame.push(sample.frame);
    }
  }
  return results;
}

/**
 * One timed click: `arm` the condition that shows the click's result, click `locator` through
 * Playwright (a real mouse click), and return the milliseconds from the click event (a capture
 * listener on window) to the DOM showing the result.
 */
export async function timedClick(page, locator, condition, args, what) {
  await page.evaluate(({ condition, args, what }) => {
    const bench = window.__bench;
    if (bench.holds(condition, args)) throw new Error(`${what}: ${condition} ${JSON.stringify(args)} holds before the click`);
    let clickAt = null;
    window.addEventListener("click", () => { clickAt = performance.now(); }, { capture: true, once: true });
    bench.pending = bench.until(condition, args, what).then((done) => {
      if (clickAt === null) throw new Error(`${what}: the result showed without a click`);
      return done - clickAt;
    });
    bench.pending.catch(() => {});
  }, { condition, args, what });
  await locator.click({ timeout: TIMEOUT_MS });
  return page.evaluate(() => window.__bench.pending);
}

/** Waits, untimed, for a condition (a step between timed samples). */
export async function until(page, condition, args, what) {
  await page.evaluate(({ condition, args, what }) => window.__bench.until(condition, args, what), { condition, args, what });
  await page.evaluate(() => window.__bench.nextFrame());
}

/**
 * Opens `url` in a fresh browser context (empty cache and storage) and measures, from the
 * navigation start (performance.now()'s origin), when `selector` first matches (a
 * MutationObserver installed before any page script), when the `.wasm` resource finished
 * downloading, when the demo page marked `editor-wasm-started` (wasm compiled and started) and when
 * the last API response before that ended. Returns { facts, page, context } when `keep`, else closes it.
 */
export async function loadTo(browser, url, selector, { keep = false, onPage } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  if (onPage) onPage(page);
  await page.addInitScript((selector) => {
    const load = { readyAt: null };
    window.__benchLoad = load;
    const check = () => {
      if (load.readyAt === null && document.querySelector(selector)) {
        load.readyAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
  }, selector);
  await page.goto(url);
  await page.locator(selector).first().waitFor({ state: "attached", timeout: TIMEOUT_MS });
  const facts = await page.evaluate(() => {
    const resources = performance.getEntriesByType("resource");
    const wasm = resources.find((e) => /\.wasm($|\?)/.test(new URL(e.name).pathname));
    const api = resources.filter((e) => new URL(e.name).pathname.startsWith("/api/"));
    return {
      ready: window.__benchLoad.readyAt,
      started: performance.getEntriesByName("editor-wasm-started")[0]?.startTime ?? null,
      wasmEnd: wasm ? wasm.responseEnd : null,
      wasmBytes: wasm ? wasm.encodedBodySize || wasm.transferSize : null,
      apiEnd: Math.max(-1, ...api.map((e) => e.responseEnd).filter((end) => end <= window.__benchLoad.readyAt)),
    };
  });
  if (facts.apiEnd < 0) facts.apiEnd = null;
  if (facts.ready === null) throw new Error(`${url}: ${selector} appeared but the load observer missed it`);
  if (keep) return { facts, page, context };
  await context.close();
  return { facts };
}
