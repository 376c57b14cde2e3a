// Journeys through the rubric editor against the real rubric-server.
import { test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launchBrowser, api, axeViolations, bundleFiles } from "../support/harness.mjs";

let browser, server, page;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });
beforeEach(async () => {
  server = await startServer();
  page = await browser.newPage({ acceptDownloads: true });
  page.on("pageerror", (error) => { throw error; });
});
afterEach(async () => { await page.close(); server.stop(); });

async function open(rubric, user) {
  const query = new URLSearchParams({ editor: "rubric", context: "courses/1" });
  if (rubric) query.set("rubric", rubric);
  if (user) query.set("user", user);
  await page.goto(`${server.url}/?${query}`);
  const region = rubric ? "Rubric" : "Rubrics";
  await page.getByRole("region", { name: region, exact: true }).waitFor();
}

const textbox = (name) => page.getByRole("textbox", { name, exact: true });
const button = (name) => page.getByRole("button", { name, exact: true });
const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label"));
/** Waits for focus to reach the control named `name` (the editor moves it after re-rendering). */
const focusReaches = (name) =>
  page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, name, { timeout: 5000 });
const total = () => page.locator(".rbe-total__value").textContent();

async function confirm(label) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: label, exact: true }).click();
}

async function saved() {
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
}

/** The stored rubric's criteria as [description, use_range, [[rating, points]...]]. */
function shape(rubric) {
  return rubric.data.map((c) => [c.description, c.criterion_use_range, c.ratings.map((r) => [r.description, r.long_description, r.points])]);
}

test("build a 4-criterion rubric with a range criterion from scratch, save, reload, check the server", async () => {
  await open("new");
  await textbox("Rubric title").fill("Poster presentation");
  await textbox("Criterion 1 description").fill("Content");
  await textbox("Criterion 1 rating 1 points").fill("8");
  for (const n of [2, 3, 4]) {
    await button("Add criterion").click();
    await focusReaches(`Criterion ${n} description`);
    await page.keyboard.type(["", "", "Design", "Delivery", "Sources"][n]);
  }
  await page.getByRole("checkbox", { name: "Criterion 2 uses point range" }).check();
  await button("Add rating to criterion 2").click();
  await textbox("Criterion 2 rating 3 points").fill("2.5");
  await textbox("Criterion 2 rating 3 description").fill("Cluttered");
  await textbox("Criterion 2 rating 1 points").fill("10");
  await textbox("Criterion 4 long description").fill("Cites at least\nthree sources");
  assert.equal(await total(), "28");
  await button("Save rubric").click();
  await saved();
  const id = new URL(page.url()).searchParams.get("rubric");
  assert.match(id, /^\d+$/, "the address now opens the saved rubric");

  const stored = await api(server, `/api/v1/courses/1/rubrics/${id}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.title, "Poster presentation");
  assert.equal(stored.body.points_possible, 28);
  assert.deepEqual(shape(stored.body), [
    ["Content", false, [["Full Marks", "", 8], ["No Marks", "", 0]]],
    ["Design", true, [["Full Marks", "", 10], ["Cluttered", "", 2.5], ["No Marks", "", 0]]],
    ["Delivery", false, [["Full Marks", "", 5], ["No Marks", "", 0]]],
    ["Sources", false, [["Full Marks", "", 5], ["No Marks", "", 0]]],
  ]);
  assert.equal(stored.body.data[3].long_description, "Cites at least<br/>\r\nthree sources");

  await page.reload();
  await page.getByRole("region", { name: "Rubric", exact: true }).waitFor();
  assert.equal(await textbox("Rubric title").inputValue(), "Poster presentation");
  assert.equal(await textbox("Criterion 4 long description").inputValue(), "Cites at least\nthree sources");
  assert.ok(await page.getByRole("checkbox", { name: "Criterion 2 uses point range" }).isChecked());
  assert.equal(await total(), "28");
});

test("edit the demo rubric: reorder, duplicate, delete, change points, confirm the grading warning", async () => {
  await open("1");
  assert.equal(await total(), "20");
  await button("Move criterion 1 down").click();
  await focusReaches("Move criterion 2 down");
  await button("Duplicate criterion 3").click();
  await textbox("Criterion 4 description").fill("Writing (peer)");
  await button("Delete criterion 1").click();
  await confirm("Delete");
  await textbox("Criterion 1 rating 1 points").fill("5");
  assert.equal(await total(), "17");
  await button("Save rubric").click();
  await page.getByRole("dialog").filter({ hasText: "grades" }).waitFor();
  await confirm("Save");
  await saved();
  const stored = await api(server, "/api/v1/courses/1/rubrics/1");
  assert.deepEqual(stored.body.data.map((c) => [c.description, c.points]), [
    ["Hypothesis", 5],
    ["Writing", 6],
    ["Writing (peer)", 6],
  ]);
  assert.deepEqual(stored.body.data[0].ratings.map((r) => [r.description, r.points]), [["Exemplary", 5], ["Proficient", 3], ["Developing", 2], ["Missing", 0]]);
  assert.equal(stored.body.points_possible, 17);
});

test("CSV export then import gives an equal rubric", async () => {
  await open("1");
  const [download] = await Promise.all([page.waitForEvent("download"), button("Export CSV").click()]);
  const file = await download.path();
  const text = await readFile(file, "utf8");
  assert.match(text, /^Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range/);
  await button("← All rubrics").click();
  await page.getByRole("region", { name: "Rubrics", exact: true }).waitFor();
  await page.getByLabel("CSV file to import").setInputFiles(file);
  await button("Import CSV").click();
  await page.getByText("The import succeeded.").waitFor();
  const opener = page.getByRole("button", { name: /^Open Lab Report/ });
  await opener.waitFor();
  await opener.click();
  await page.getByRole("region", { name: "Rubric", exact: true }).waitFor();
  const id = new URL(page.url()).searchParams.get("rubric");
  const original = await api(server, "/api/v1/courses/1/rubrics/1");
  const imported = await api(server, `/api/v1/courses/1/rubrics/${id}`);
  assert.notEqual(imported.body.id, original.body.id);
  assert.deepEqual(shape(imported.body), shape(original.body));
  assert.equal(imported.body.points_possible, original.body.points_possible);
});

test("a 422 from Canvas lands on the title field and keeps the edits", async () => {
  await open("1");
  await page.route("**/api/v1/courses/1/rubrics/1", (route) => {
    if (route.request().method() !== "PUT") return route.fallback();
    return route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ errors: [{ field: "title", message: "Title has already been taken", error_code: "taken" }] }),
    });
  });
  await textbox("Criterion 1 description").fill("Hypothesis and aims");
  await button("Save rubric").click();
  await confirm("Save");
  await page.getByText("Canvas: Title has already been taken").first().waitFor();
  assert.equal(await textbox("Rubric title").getAttribute("aria-invalid"), "true");
  await focusReaches("Rubric title");
  assert.equal(await textbox("Criterion 1 description").inputValue(), "Hypothesis and aims");
});

/** Presses Tab (or Shift+Tab) until the control named `name` has focus. */
async function tabTo(name, key = "Tab") {
  for (let i = 0; i < 80; i += 1) {
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el.getAttribute("aria-label") || el.textContent.trim();
    });
    if (label === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${name} was not reached with ${key}`);
}

test("keyboard only: title, criterion, add, move, undo and save", async () => {
  await open("new");
  await page.locator("body").focus();
  await tabTo("Rubric title");
  await page.keyboard.type("Keyboard rubric");
  await tabTo("Criterion 1 description");
  await page.keyboard.type("Clarity");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Criterion 1 long description");
  await tabTo("Add criterion");
  await page.keyboard.press("Enter");
  await focusReaches("Criterion 2 description");
  await page.keyboard.type("Accuracy");
  await tabTo("Move criterion 2 up");
  await page.keyboard.press("Enter");
  assert.equal(await textbox("Criterion 1 description").inputValue(), "Accuracy");
  await focusReaches("Move criterion 1 down"); // focus follows the row to the edge
  await page.keyboard.press("Control+Z");
  assert.equal(await textbox("Criterion 1 description").inputValue(), "Clarity");
  // Focus comes back to the moved row ("down" is disabled in the last row, so "up"): the
  // keyboard user keeps their place.
  await focusReaches("Move criterion 2 up");
  await page.keyboard.press("Control+Shift+Z");
  assert.equal(await textbox("Criterion 1 description").inputValue(), "Accuracy");
  await tabTo("Save rubric");
  await page.keyboard.press("Enter");
  await saved();
});

test("axe-core finds no violations in the list, editor, error and read-only states", async () => {
  await open();
  await page.getByText("Lab Report").first().waitFor();
  assert.deepEqual(await axeViolations(page, "#app"), [], "list");
  await open("1");
  assert.deepEqual(await axeViolations(page, "#app"), [], "editor");
  await textbox("Criterion 1 rating 2 points").fill("4");
  await textbox("Rubric title").fill("");
  await button("Save rubric").click();
  await page.getByText("Fix these problems to save").waitFor();
  assert.deepEqual(await axeViolations(page, "#app"), [], "error state");
  // A teacher without the "manage rubrics" permission (Canvas lets admins take it away).
  await page.route("**/api/v1/courses/1/permissions*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ manage_rubrics: false }) }));
  await open("1");
  await page.getByText("manage rubrics").waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Rubric title" }).count(), 0);
  assert.deepEqual(await axeViolations(page, "#app"), [], "read-only");
});

test("works at 320 px wide and at 200% zoom of a 1280 px window", async () => {
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await open("1");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow}px)`);
    await textbox("Criterion 2 rating 1 points").fill("12");
    assert.equal(await total(), "22");
    await button("Save rubric").scrollIntoViewIfNeeded();
    assert.ok(await button("Save rubric").isVisible());
  }
});

test("the page downloads the rubric editor's bundle and no other editor's", async () => {
  await open("1");
  assert.deepEqual(await bundleFiles(page), ["rubric-editor.css", "rubric-editor.js", "rubric-editor_bg.wasm"]);
});

test("screenshot for the README", { skip: !process.env.UPDATE_SCREENSHOTS }, async () => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await open("1");
  await textbox("Criterion 1 rating 2 points").fill("4");
  await page.getByRole("heading", { name: "Where this rubric is used" }).waitFor();
  await page.screenshot({ path: new URL("../../docs/rubric-editor.png", import.meta.url).pathname, fullPage: true });
});
