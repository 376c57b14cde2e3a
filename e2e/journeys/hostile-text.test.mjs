// Hostile text stays inert: a corpus of markup, script, encoding tricks, direction overrides,
// very long strings, emoji and combining marks goes through the API into every text a user can
// write (rubric titles, criterion and rating descriptions and long descriptions, mastery level
// descriptions, CSV import cells) and is shown in every view (rubric list, rubric editor, mastery
// scale editor and its read-only view): no script runs, every string is shown as
// typed, and nothing breaks the layout at 320 px.
import { test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, launchBrowser, api, postForm, TOKENS } from "../support/harness.mjs";
import { PAYLOADS, cut } from "../support/hostile-text.mjs";

let browser, server, page, dialogs;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });
beforeEach(async () => {
  server = await startServer();
  page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  page.on("pageerror", (error) => { throw error; });
  dialogs = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.addInitScript(() => { window.__xss = 0; });
});
afterEach(async () => { await page.close(); server.stop(); });

/** A single-line input shows a value without its line breaks (the browser strips them). */
const singleLine = (text) => text.replace(/[\r\n]/g, "");

/** Nothing ran, and the page is no wider than the 320 px viewport. */
async function assertInert(where) {
  assert.equal(await page.evaluate(() => window.__xss), 0, `no script ran (${where})`);
  assert.deepEqual(dialogs, [], `no dialog opened (${where})`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the page stays 320 px wide (${where}): ${width}`);
}

test("hostile rubric text is shown as typed in the list and the editor, and runs nothing", async () => {
  const ids = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const created = await postForm(server, "/api/v1/courses/1/rubrics", TOKENS.teacher, {
      "rubric[title]": cut(`${i} ${payload}`),
      "rubric[criteria][0][description]": payload,
      "rubric[criteria][0][long_description]": payload,
      "rubric[criteria][0][ratings][0][description]": payload,
      "rubric[criteria][0][ratings][0][long_description]": payload,
      "rubric[criteria][0][ratings][0][points]": "1",
      "rubric_association[association_type]": "Course",
      "rubric_association[association_id]": "1",
      "rubric_association[purpose]": "bookmark",
    });
    assert.equal(created.status, 200, `payload ${i} is stored`);
    ids.push(created.body.rubric.id);
  }

  await page.goto(`${server.url}/?editor=rubric&context=courses/1`);
  await page.getByRole("region", { name: "Rubrics", exact: true }).waitFor();
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.getByRole("button", { name: cut(`${i} ${payload}`), exact: true }).waitFor();
  }
  await assertInert("rubric list");

  for (const [i, payload] of PAYLOADS.entries()) {
    await page.goto(`${server.url}/?editor=rubric&context=courses/1&rubric=${ids[i]}`);
    await page.getByRole("region", { name: "Rubric", exact: true }).waitFor();
    const value = (name) => page.getByRole("textbox", { name, exact: true }).inputValue();
    assert.equal(await value("Rubric title"), singleLine(cut(`${i} ${payload}`)), `title ${i}`);
    assert.equal(await value("Criterion 1 description"), singleLine(payload), `criterion ${i}`);
    assert.equal(await value("Criterion 1 long description"), payload, `long description ${i}`);
    assert.equal(await value("Criterion 1 rating 1 description"), singleLine(payload), `rating ${i}`);
    assert.equal(await value("Criterion 1 rating 1 long description"), payload, `rating long description ${i}`);
    await assertInert(`rubric ${i}`);
  }
});

test("hostile CSV cells are imported as typed and run nothing", async () => {
  const quote = (cell) => `"${cell.replace(/"/g, '""')}"`;
  const short = PAYLOADS.slice(0, -1);
  const rows = short.map((payload, i) =>
    [cut(`CSV ${i} ${payload}`), payload, payload, "false", payload, payload, "2"].map(quote).join(","));
  const text = ["Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points", ...rows].join("\n");
  const dir = await mkdtemp(path.join(tmpdir(), "hostile-"));
  const file = path.join(dir, "hostile.csv");
  await writeFile(file, text);
  await page.goto(`${server.url}/?editor=rubric&context=courses/1`);
  await page.getByRole("region", { name: "Rubrics", exact: true }).waitFor();
  await page.getByLabel("CSV file to import").setInputFiles(file);
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
  await page.getByText("The import succeeded.").waitFor();
  await assertInert("import report");
  for (const [i, payload] of short.entries()) {
    const title = cut(`CSV ${i} ${payload}`).trim();
    await page.getByRole("button", { name: `Open ${title}`, exact: true }).waitFor();
  }
  await rm(dir, { recursive: true, force: true });
  const imported = await api(server, "/api/v1/courses/1/rubrics/upload/latest", TOKENS.teacher);
  const rubrics = await api(server, `/api/v1/courses/1/rubrics/upload/${imported.body.id}/rubrics`, TOKENS.teacher);
  assert.equal(rubrics.body.length, short.length);
  const first = rubrics.body.find((r) => r.title.startsWith("CSV 0 "));
  await page.goto(`${server.url}/?editor=rubric&context=courses/1&rubric=${first.id}`);
  await page.getByRole("region", { name: "Rubric", exact: true }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Criterion 1 description", exact: true }).inputValue(), short[0]);
  assert.equal(await page.getByRole("textbox", { name: "Criterion 1 rating 1 long description", exact: true }).inputValue(), short[0]);
  await assertInert("imported rubric");
});

test("hostile mastery level names are shown as typed in the editor and the read-only view", async () => {
  // A scale holds a handful of levels: the corpus goes through in groups of six.
  const groups = [];
  for (let start = 0; start < PAYLOADS.length; start += 6) groups.push(PAYLOADS.slice(start, start + 6).map((p) => cut(p)));
  for (const group of groups) {
    const fields = new URLSearchParams();
    group.forEach((description, i) => {
      fields.append("ratings[][description]", description);
      fields.append("ratings[][points]", String(group.length - i));
      fields.append("ratings[][mastery]", i === 0 ? "true" : "false");
      fields.append("ratings[][color]", "0B5CAD");
    });
    const stored = await postForm(server, "/api/v1/accounts/1/outcome_proficiency", TOKENS.admin, fields);
    assert.equal(stored.status, 200);

    await page.goto(`${server.url}/?editor=mastery-scale&context=accounts/1&user=admin`);
    await page.getByRole("region", { name: "Mastery scale", exact: true }).waitFor();
    for (const [i, description] of group.entries()) {
      assert.equal(await page.getByRole("textbox", { name: `Description, level ${i + 1}`, exact: true }).inputValue(), singleLine(description));
    }
    await assertInert("mastery scale editor");

    // Course 1 inherits the account's scale, and its teacher may not change it: the read-only
    // view with its preview.
    await page.goto(`${server.url}/?editor=mastery-scale&context=courses/1&user=teacher`);
    await page.getByText("You can view this mastery scale but not change it", { exact: false }).waitFor();
    const shown = await page.locator("#app").textContent();
    for (const description of group) {
      assert.ok(shown.includes(description.replace(/\n/g, "")) || shown.includes(description), `read-only shows ${JSON.stringify(description.slice(0, 40))}`);
    }
    await assertInert("read-only mastery scale");
  }
});
