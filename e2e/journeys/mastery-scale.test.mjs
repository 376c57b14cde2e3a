// Journeys through the mastery scale editor against the real rubric-server.
import { test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, api, axeViolations, bundleFiles } from "../support/harness.mjs";

/** Waits for focus to reach the control named `name` (the editor moves it after re-rendering). */
const focusReaches = (name) =>
  page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, name, { timeout: 5000 });

let browser, server, page;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });
beforeEach(async () => {
  server = await startServer();
  page = await browser.newPage();
  page.on("pageerror", (error) => { throw error; });
});
afterEach(async () => { await page.close(); server.stop(); });

async function open(context = "accounts/1", user) {
  const query = new URLSearchParams({ editor: "mastery-scale", context });
  if (user) query.set("user", user);
  await page.goto(`${server.url}/?${query}`);
  await page.getByRole("region", { name: "Mastery scale" }).waitFor();
}

const textbox = (name) => page.getByRole("textbox", { name, exact: true });
const button = (name) => page.getByRole("button", { name, exact: true });

async function confirm(label) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: label, exact: true }).click();
}

test("edit a level, move mastery, add and delete levels, save, reload and see the server's state", async () => {
  await open();
  await textbox("Description, level 1").fill("Excels");
  await textbox("Points, level 1").fill("5");
  await textbox("Color hex, level 1").fill("#127a1b");
  await page.getByRole("radio", { name: "Mastery, level 3" }).check();
  await button("Add mastery level").click();
  await assert.doesNotReject(textbox("Description, level 6").waitFor());
  await focusReaches("Description, level 6");
  await page.keyboard.type("Absent");
  await button("Delete level 5").click();
  await confirm("Delete");
  await button("Save mastery scale").click();
  await confirm("Save");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();

  const stored = await api(server, "/api/v1/accounts/1/outcome_proficiency");
  assert.equal(stored.status, 200);
  assert.deepEqual(stored.body.ratings.map((r) => [r.description, r.points, r.mastery, r.color]), [
    ["Excels", 5, false, "127A1B"],
    ["Mastery", 3, false, "00AC18"],
    ["Near Mastery", 2, true, "FAB901"],
    ["Below Mastery", 1, false, "D97900"],
    ["Absent", 0, false, "EF4437"],
  ]);
  await page.reload();
  await page.getByRole("region", { name: "Mastery scale" }).waitFor();
  assert.equal(await textbox("Description, level 1").inputValue(), "Excels");
  assert.equal(await page.getByRole("radio", { name: "Mastery, level 3" }).isChecked(), true);
  assert.equal(await button("Save mastery scale").isDisabled(), true);
});

test("an invalid edit blocks save with a visible error at the field", async () => {
  await open();
  await textbox("Points, level 4").fill("9");
  await textbox("Description, level 2").fill("");
  await button("Save mastery scale").click();
  await page.getByRole("alert").filter({ hasText: "Fix these problems to save" }).waitFor();
  const description = textbox("Description, level 2");
  assert.equal(await description.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(`#${await description.getAttribute("aria-describedby")}`).innerText(), /Description can't be blank/);
  await focusReaches("Description, level 2");
  assert.equal(await page.getByRole("dialog").count(), 0, "no confirmation was offered");
  const stored = await api(server, "/api/v1/accounts/1/outcome_proficiency");
  assert.equal(stored.body.ratings[1].description, "Mastery", "nothing was saved");
});

test("a server failure keeps the edits and a retry succeeds", async () => {
  await open();
  let failures = 1;
  await page.route("**/api/v1/accounts/1/outcome_proficiency", (route) => {
    if (route.request().method() === "POST" && failures-- > 0) {
      return route.fulfill({ status: 500, contentType: "application/json", body: '{"errors":[{"message":"An error occurred."}]}' });
    }
    return route.continue();
  });
  await textbox("Description, level 5").fill("Not yet");
  await button("Save mastery scale").click();
  await confirm("Save");
  await page.getByRole("alert").filter({ hasText: "Canvas had a problem (500)" }).waitFor();
  assert.equal(await textbox("Description, level 5").inputValue(), "Not yet");
  await button("Retry save").click();
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  const stored = await api(server, "/api/v1/accounts/1/outcome_proficiency");
  assert.equal(stored.body.ratings[4].description, "Not yet");
});

/** Presses `key` (Tab or Shift+Tab) until focus reaches the control named `name`. */
async function tabTo(name, key = "Tab", limit = 120) {
  for (let presses = 0; presses < limit; presses++) {
    const current = await page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute("aria-label") || element?.textContent?.trim() || "";
    });
    if (current === name) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${key} never reached ${name}`);
}

test("keyboard only: edit, move mastery with arrows, add, delete and save", async () => {
  await open();
  await tabTo("Description, level 1");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Top");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Points, level 1");
  // Into the mastery radio group: Tab lands on its checked radio.
  await tabTo("Mastery, level 2");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getByRole("radio", { name: "Mastery, level 3" }).isChecked(), true);
  await tabTo("Add mastery level");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Extra");
  await tabTo("Delete level 6");
  await page.keyboard.press("Enter");
  await page.getByRole("dialog").waitFor();
  await page.keyboard.press("Enter");
  await textbox("Description, level 6").waitFor({ state: "detached" });
  await focusReaches("Delete level 5");
  await page.keyboard.press("Control+Z");
  await textbox("Description, level 6").waitFor();
  await page.keyboard.press("Control+Shift+Z");
  await textbox("Description, level 6").waitFor({ state: "detached" });
  await tabTo("Save mastery scale");
  await page.keyboard.press("Enter");
  await page.getByRole("dialog").waitFor();
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  const stored = await api(server, "/api/v1/accounts/1/outcome_proficiency");
  assert.equal(stored.body.ratings[0].description, "Top");
  assert.equal(stored.body.ratings[2].mastery, true);
  assert.equal(stored.body.ratings.length, 5);
});

test("axe-core finds no violations in the normal, error and read-only states", async () => {
  await open("accounts/2");
  await page.getByText("Inherited from Demo University").waitFor();
  assert.deepEqual(await axeViolations(page, "#app"), [], "normal state");
  await button("Choose color, level 1").click();
  await textbox("Description, level 1").fill("");
  await button("Save mastery scale").click();
  await page.getByRole("alert").filter({ hasText: "Fix these problems to save" }).waitFor();
  assert.deepEqual(await axeViolations(page, "#app"), [], "error state");
  await open("courses/1", "teacher");
  await page.getByText("You can view this mastery scale but not change it").waitFor();
  assert.deepEqual(await axeViolations(page, "#app"), [], "read-only state");
  assert.equal(await page.getByRole("textbox").count(), 0);
});

test("leaving with unsaved changes asks first, and the draft comes back after a reload", async () => {
  await open();
  await textbox("Description, level 3").fill("Almost");
  const asked = new Promise((resolve) => page.once("dialog", async (dialog) => { resolve(dialog.type()); await dialog.accept(); }));
  await page.reload();
  assert.equal(await asked, "beforeunload");
  await page.getByRole("region", { name: "Mastery scale" }).waitFor();
  await page.getByText("Unsaved changes from").waitFor();
  await button("Restore changes").click();
  assert.equal(await textbox("Description, level 3").inputValue(), "Almost");
});

test("works at 320 px wide and at 200% zoom of a 1280 px window", async () => {
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await open();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow}px)`);
    await textbox("Description, level 1").fill(`Narrow ${width}`);
    assert.equal(await textbox("Description, level 1").inputValue(), `Narrow ${width}`);
  }
});

test("the page downloads the mastery scale editor's bundle and no other editor's", async () => {
  await open();
  assert.deepEqual(await bundleFiles(page), [
    "mastery-scale-editor.css",
    "mastery-scale-editor.js",
    "mastery-scale-editor_bg.wasm",
  ]);
});

test("screenshot for the README", { skip: !process.env.UPDATE_SCREENSHOTS }, async () => {
  await page.setViewportSize({ width: 1100, height: 900 });
  await open("accounts/2");
  await page.getByText("Inherited from Demo University").waitFor();
  await textbox("Points, level 3").fill("5");
  await button("Choose color, level 1").click();
  await page.screenshot({ path: new URL("../../docs/mastery-scale.png", import.meta.url).pathname, fullPage: true });
});
