// Benchmark (prints figures; never pass/fail): the time from a keystroke in a rating's points
// cell to the updated "Total points" in a 50-criterion x 6-rating rubric, in headless Chromium
// against rubric-server with the release bundle.
import { startServer, launchBrowser, TOKENS } from "../support/harness.mjs";

const CRITERIA = 50;
const RATINGS = 6;
const SAMPLES = Number(process.env.SAMPLES || 200);

function bigRubricForm() {
  const form = new URLSearchParams();
  form.set("rubric[title]", `Benchmark ${CRITERIA}x${RATINGS}`);
  for (let c = 0; c < CRITERIA; c += 1) {
    form.set(`rubric[criteria][${c}][description]`, `Criterion ${c + 1}`);
    form.set(`rubric[criteria][${c}][long_description]`, "What this criterion looks for, in a sentence or two.");
    for (let r = 0; r < RATINGS; r += 1) {
      form.set(`rubric[criteria][${c}][ratings][${r}][description]`, `Level ${RATINGS - r}`);
      form.set(`rubric[criteria][${c}][ratings][${r}][points]`, String((RATINGS - 1 - r) * 2));
    }
  }
  form.set("rubric_association[association_type]", "Course");
  form.set("rubric_association[association_id]", "1");
  form.set("rubric_association[purpose]", "bookmark");
  return form;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const server = await startServer();
const browser = await launchBrowser();
try {
  const created = await fetch(`${server.url}/api/v1/courses/1/rubrics`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKENS.teacher}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: bigRubricForm().toString(),
  });
  const id = (await created.json()).rubric.id;
  const page = await browser.newPage();
  const loadStart = Date.now();
  await page.goto(`${server.url}/?editor=rubric&context=courses/1&rubric=${id}`);
  await page.getByRole("textbox", { name: `Criterion ${CRITERIA} rating ${RATINGS} points`, exact: true }).waitFor();
  const loadMs = Date.now() - loadStart;
  const timings = await page.evaluate(async (samples) => {
    const total = document.querySelector(".rbe-total__value");
    const results = { update: [], paint: [] };
    for (let i = 0; i < samples; i += 1) {
      const c = 1 + (i % 50);
      const input = document.querySelector(`[aria-label="Criterion ${c} rating 1 points"]`);
      const before = total.textContent;
      const value = String(10 + ((i + 1) % 7) + 0.5);
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (total.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(total, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const updated = await changed;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const painted = performance.now();
      results.update.push(updated - start);
      results.paint.push(painted - start);
    }
    return results;
  }, SAMPLES);
  const report = (name, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${name}: median ${quantile(sorted, 0.5).toFixed(2)} ms, p95 ${quantile(sorted, 0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (n=${sorted.length})`);
  };
  console.log(`rubric ${id}: ${CRITERIA} criteria x ${RATINGS} ratings; page load to last cell: ${loadMs} ms`);
  report("keystroke -> total updated in the DOM", timings.update);
  report("keystroke -> next frame painted", timings.paint);
} finally {
  await browser.close();
  server.stop();
}
