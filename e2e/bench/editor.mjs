// Editor benchmark (prints figures; never fails on a timing, fails loudly on a broken page).
// In headless Chromium, against rubric-server with the release bundle (`dist/`,
// `target/release/rubric-server`), and against a React 18 peer of the same grid:
//   1. keystrokes in a points cell of 5x5, 50x6 and 200x6 rubrics (criteria x ratings): an
//      `input` event to the updated "Total points", and a real key press to the next painted
//      frame; the 200x6 / 5x5 ratio;
//   2. the same on the React 18 peer (bench/peer-react), and ours / React per size;
//   3. page load to interactive: the 50x6 rubric (and the peer), the mastery scale editor;
//   4. operations: add criterion, delete criterion (confirmed), undo of a 50-criterion paste,
//      a mastery pick in the mastery scale.
// Environment: SAMPLES (keystrokes per measure and size, 200), WARMUP (unmeasured keystrokes
// first, 10), LOAD_SAMPLES (page loads each, 5), OPS_SAMPLES (operations each, 15),
// SIZES ("5x5,50x6,200x6"), EDITORS ("ours,react"; "react" alone needs no Rust build),
// BENCH_TIMEOUT_MS (15000: how long any awaited change may take before the run fails).
// Run: `cd e2e && node bench/editor.mjs` (scripts/bench-editor builds everything first).
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, TOKENS } from "../support/harness.mjs";
import { bigRubricForm, pastedCriteria } from "./lib/rubric-data.mjs";
import { installHelpers, inputToTotal, keyToFrame, timedClick, until, loadTo } from "./lib/measure.mjs";
import { startStaticServer } from "./lib/static-server.mjs";
import { summary, ms, ratio, printTable } from "./lib/stats.mjs";
import { buildPeer } from "./peer-react/build.mjs";

const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${process.env[name]}`);
  return value;
};
const SAMPLES = Math.max(1, count("SAMPLES", 200));
const WARMUP = count("WARMUP", 10);
const LOAD_SAMPLES = Math.max(1, count("LOAD_SAMPLES", 5));
const OPS_SAMPLES = Math.max(1, count("OPS_SAMPLES", 15));
const SIZES = (process.env.SIZES || "5x5,50x6,200x6").split(",").map((text) => {
  const match = text.trim().match(/^(\d+)x(\d+)$/);
  if (!match) throw new Error(`SIZES: "${text}" is not CRITERIAxRATINGS`);
  return { criteria: Number(match[1]), ratings: Number(match[2]), name: text.trim() };
});
const EDITORS = (process.env.EDITORS || "ours,react").split(",").map((e) => e.trim());
const OURS = EDITORS.includes("ours");
const REACT = EDITORS.includes("react");
if (!OURS && !REACT) throw new Error('EDITORS must name "ours", "react" or both');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const pointsLabel = (c, r) => `Criterion ${c} rating ${r} points`;
const byLabel = (label) => `[aria-label="${label}"]`;
const cell = (values) => {
  const s = summary(values);
  return `${ms(s.median)} / ${ms(s.p95)} (${s.n})`;
};
const median = (values) => summary(values).median;

async function createRubric(server, { criteria, ratings }) {
  const response = await fetch(`${server.url}/api/v1/courses/1/rubrics`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKENS.teacher}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: bigRubricForm(criteria, ratings).toString(),
  });
  const body = await response.json();
  if (!response.ok || !body.rubric) throw new Error(`creating the ${criteria}x${ratings} rubric: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.rubric.id;
}

const pageErrors = [];
const watch = (name) => (page) => {
  page.on("pageerror", (error) => {
    pageErrors.push(`${name}: ${error.message}`);
    log(`page error in ${name}: ${error.message}`);
  });
};
const checkPages = () => {
  if (pageErrors.length) throw new Error(`the page threw:\n  ${pageErrors.join("\n  ")}`);
};

let server = null;
let peer = null;
let browser = null;
try {
  if (REACT) {
    const dist = await buildPeer();
    peer = await startStaticServer([["/style/", path.join(root, "style")], ["/", dist]]);
  }
  if (OURS) server = await startServer();
  browser = await launchBrowser();
  const urls = {
    ours: (size, id) => `${server.url}/?editor=rubric&context=courses/1&rubric=${id}`,
    react: (size) => `${peer.url}/?criteria=${size.criteria}&ratings=${size.ratings}`,
  };
  const names = { ours: "ours (Leptos)", react: "React 18 peer" };
  const editors = [OURS && "ours", REACT && "react"].filter(Boolean);

  console.log("Editor benchmark (milliseconds; median / p95 (n) unless said otherwise)");
  console.log(
    `${new Date().toISOString()}  Chromium ${browser.version()}  Node ${process.version}  ` +
      `${os.cpus().length} CPUs  load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  );
  console.log(`SAMPLES=${SAMPLES} WARMUP=${WARMUP} LOAD_SAMPLES=${LOAD_SAMPLES} OPS_SAMPLES=${OPS_SAMPLES} SIZES=${SIZES.map((s) => s.name).join(",")} EDITORS=${editors.join(",")}`);

  // 1 and 2: keystrokes, ours and the React peer, size by size.
  const keys = {};
  const rubricIds = {};
  for (const size of SIZES) {
    if (OURS) rubricIds[size.name] = await createRubric(server, size);
    for (const editor of editors) {
      log(`keystrokes: ${size.name} ${names[editor]}`);
      const url = urls[editor](size, rubricIds[size.name]);
      const { page, context } = await loadTo(browser, url, byLabel(pointsLabel(size.criteria, size.ratings)), {
        keep: true,
        onPage: watch(`${editor} ${size.name}`),
      });
      await installHelpers(page);
      const input = await inputToTotal(page, { criteria: size.criteria, samples: SAMPLES, warmup: WARMUP });
      const key = await keyToFrame(page, { criteria: size.criteria, samples: SAMPLES, warmup: WARMUP });
      await context.close();
      checkPages();
      keys[`${editor} ${size.name}`] = { input, key };
    }
  }
  const keyRows = (editor) =>
    SIZES.map((size) => {
      const k = keys[`${editor} ${size.name}`];
      return [size.name, cell(k.input.total), cell(k.input.frame), cell(k.key.total), cell(k.key.frame)];
    });
  const keyColumns = ["grid", "input -> total", "input -> frame", "key -> total", "key -> frame"];
  const keyNote =
    "input: an `input` event dispatched in a points cell; key: page.keyboard.press (\"5\" or Backspace) in a focused points cell, from its keydown;\n" +
    "total: \"Total points\" changed in the DOM (MutationObserver); frame: the next painted frame after that (rAF + setTimeout 0).";
  const scaling = (editor) => {
    const small = keys[`${editor} 5x5`];
    const large = keys[`${editor} 200x6`];
    return small && large ? ratio(median(large.input.total), median(small.input.total)) : "-";
  };
  if (OURS) {
    printTable("1. Keystrokes, our editor (ms: median / p95 (n))", keyColumns, keyRows("ours"), keyNote);
    console.log(`200x6 / 5x5, median input -> total: ${scaling("ours")}`);
  }
  if (REACT) {
    printTable("2. Keystrokes, React 18 peer (ms: median / p95 (n))", keyColumns, keyRows("react"), OURS ? null : keyNote);
    console.log(`200x6 / 5x5, median input -> total: ${scaling("react")}`);
  }
  if (OURS && REACT) {
    printTable(
      "ours / React, ratio of medians (above 1: ours slower)",
      ["grid", "input -> total", "input -> frame", "key -> total", "key -> frame", "n each"],
      SIZES.map((size) => {
        const a = keys[`ours ${size.name}`];
        const b = keys[`react ${size.name}`];
        return [
          size.name,
          ratio(median(a.input.total), median(b.input.total)),
          ratio(median(a.input.frame), median(b.input.frame)),
          ratio(median(a.key.total), median(b.key.total)),
          ratio(median(a.key.frame), median(b.key.frame)),
          SAMPLES,
        ];
      }),
    );
  }

  // 3: page load to interactive, each in a fresh context (cold cache).
  const loadSize = SIZES.find((s) => s.name === "50x6") || { criteria: 50, ratings: 6, name: "50x6" };
  if (OURS && !rubricIds[loadSize.name]) rubricIds[loadSize.name] = await createRubric(server, loadSize);
  const lastCell = byLabel(pointsLabel(loadSize.criteria, loadSize.ratings));
  const loads = [];
  if (OURS) {
    loads.push({ name: `rubric ${loadSize.name}, ours`, url: urls.ours(loadSize, rubricIds[loadSize.name]), selector: lastCell });
  }
  if (REACT) loads.push({ name: `rubric ${loadSize.name}, React peer`, url: urls.react(loadSize), selector: lastCell });
  if (OURS) {
    loads.push({ name: "mastery scale, ours", url: `${server.url}/?editor=mastery-scale&context=accounts/1`, selector: byLabel("Description, level 1") });
  }
  const loadRows = [];
  for (const load of loads) {
    log(`page loads: ${load.name}`);
    const facts = [];
    for (let i = 0; i < LOAD_SAMPLES; i += 1) {
      facts.push((await loadTo(browser, load.url, load.selector, { onPage: watch(load.name) })).facts);
    }
    checkPages();
    const pick = (fn) => facts.map(fn).filter((v) => Number.isFinite(v));
    const med = (fn) => ms(median(pick(fn)));
    loadRows.push([
      load.name,
      `${med((f) => f.ready)} (${facts.length})`,
      med((f) => f.wasmEnd),
      med((f) => f.started),
      med((f) => f.apiEnd),
      med((f) => (f.started === null ? NaN : f.ready - f.started)),
      med((f) => (f.wasmEnd === null ? NaN : f.ready - f.wasmEnd)),
    ]);
  }
  printTable(
    "3. Page load to interactive (ms from navigation start, medians; fresh browser context each)",
    ["page", "ready (n)", "wasm downloaded", "wasm started", "last API response before ready", "ready - wasm started", "ready - wasm downloaded"],
    loadRows,
    `ready: ${lastCell} (rubric) or [aria-label="Description, level 1"] (mastery scale) in the DOM;\n` +
      "wasm downloaded: responseEnd of the .wasm resource entry; wasm started: the demo page's `editor-wasm-started` mark (compiled, instantiated, started, styles loaded).",
  );

  // 4: operations (ours only).
  if (OURS) {
    const ops = {};
    const C = loadSize.criteria;
    const R = loadSize.ratings;
    log(`operations: rubric ${loadSize.name}`);
    const { page, context } = await loadTo(browser, urls.ours(loadSize, rubricIds[loadSize.name]), lastCell, {
      keep: true,
      onPage: watch(`operations ${loadSize.name}`),
    });
    await installHelpers(page);
    const button = (name) => page.getByRole("button", { name, exact: true });
    const undo = async (back) => {
      await button("Undo").click();
      await until(page, "rows", back, "undo");
    };
    const fullGrid = { count: C, present: byLabel(`Criterion ${C} description`), absent: byLabel(`Criterion ${C + 1} description`) };

    ops.add = [];
    for (let i = 0; i < OPS_SAMPLES; i += 1) {
      ops.add.push(await timedClick(page, button("Add criterion"), "rows",
        { count: C + 1, present: byLabel(`Criterion ${C + 1} description`) }, "Add criterion"));
      await undo(fullGrid);
    }

    const victim = Math.ceil(C / 2);
    ops.delete = [];
    for (let i = 0; i < OPS_SAMPLES; i += 1) {
      await button(`Delete criterion ${victim}`).click();
      await until(page, "present", { selector: "dialog[open]" }, "the delete confirmation");
      const confirm = page.locator("dialog[open]").getByRole("button", { name: "Delete", exact: true });
      ops.delete.push(await timedClick(page, confirm, "rows",
        { count: C - 1, absent: byLabel(`Criterion ${C} description`) }, `Delete criterion ${victim}`));
      await undo(fullGrid);
    }

    const PASTED = 50;
    const text = pastedCriteria(PASTED, R);
    const pasteBox = page.getByLabel("Paste criteria from a spreadsheet", { exact: true });
    ops.paste = [];
    ops.undoPaste = [];
    for (let i = 0; i < OPS_SAMPLES; i += 1) {
      const pasted = { count: C + PASTED, present: byLabel(`Criterion ${C + PASTED} description`) };
      ops.paste.push(await pasteBox.evaluate(async (box, { text, pasted }) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        const done = window.__bench.until("rows", pasted, "the paste");
        const start = performance.now();
        box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        return (await done) - start;
      }, { text, pasted }));
      await page.evaluate(() => window.__bench.nextFrame());
      ops.undoPaste.push(await timedClick(page, button("Undo"), "rows", fullGrid, `Undo of the ${PASTED}-criterion paste`));
    }
    await context.close();
    checkPages();

    log("operations: mastery scale");
    const scale = await loadTo(browser, `${server.url}/?editor=mastery-scale&context=accounts/1`, byLabel("Description, level 1"), {
      keep: true,
      onPage: watch("operations mastery scale"),
    });
    await installHelpers(scale.page);
    const levels = await scale.page.evaluate(() => document.querySelectorAll('[aria-label^="Mastery, level "]').length);
    if (levels < 2) throw new Error(`the mastery scale shows ${levels} levels; a pick needs two`);
    ops.mastery = [];
    for (let i = 0; i < OPS_SAMPLES; i += 1) {
      const current = await scale.page.evaluate(() => {
        const rows = [...document.querySelectorAll("tr.rbe-level")];
        return rows.findIndex((row) => row.classList.contains("rbe-level--mastery")) + 1;
      });
      const level = (current % levels) + 1;
      const label = `Mastery, level ${level}`;
      ops.mastery.push(await timedClick(scale.page, scale.page.getByRole("radio", { name: label, exact: true }), "mastery", { label }, label));
    }
    await scale.context.close();
    checkPages();

    const opRow = (name, values) => {
      const s = summary(values);
      return [name, ms(s.median), ms(s.p95), ms(s.max), s.n];
    };
    printTable(
      `4. Operations, our editor (ms from the click or paste to the DOM showing the result)`,
      ["operation", "median", "p95", "max", "n"],
      [
        opRow(`Add criterion (${C}x${R} -> criterion ${C + 1} shown)`, ops.add),
        opRow(`Delete criterion ${victim}: confirm -> row gone, renumbered`, ops.delete),
        opRow(`Paste ${PASTED} criteria (paste event -> ${C + PASTED} rows)`, ops.paste),
        opRow(`Undo of that paste (-> ${C} rows)`, ops.undoPaste),
        opRow(`Mastery pick, ${levels}-level scale (-> badge shown)`, ops.mastery),
      ],
      "Between samples, untimed: Undo after add and delete, so every sample starts from the same grid.",
    );
  }
} catch (error) {
  console.error(`\nBENCHMARK FAILED (a broken page or a missing build, not a slow one): ${error.stack || error}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  if (server) server.stop();
  if (peer) await peer.stop();
}
