// Nothing a teacher typed is lost: two teachers on one rubric, and the faults between a load
// and a save (the network drops, the sign-in expires, the server restarts), against the real
// rubric-server.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, launchBrowser, api, postForm, TOKENS } from "../support/harness.mjs";

let browser;
const cleanups = [];

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });

/** A fresh page in its own browser context (its own storage: another teacher's browser). */
async function newTeacher() {
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  const page = await context.newPage();
  page.on("pageerror", (error) => { throw error; });
  return page;
}

/** A rubric only bookmarked in course 1 (no grading use, so no warning before a save). */
async function createRubric(server) {
  const body = new URLSearchParams({
    "rubric[title]": "Field notes",
    "rubric[criteria][0][description]": "Observation",
    "rubric[criteria][0][ratings][0][description]": "Detailed",
    "rubric[criteria][0][ratings][0][points]": "4",
    "rubric[criteria][0][ratings][1][description]": "Sketchy",
    "rubric[criteria][0][ratings][1][points]": "1",
    "rubric_association[association_type]": "Course",
    "rubric_association[association_id]": "1",
    "rubric_association[purpose]": "bookmark",
  });
  const created = await postForm(server, "/api/v1/courses/1/rubrics", TOKENS.teacher, body);
  assert.equal(created.status, 200);
  return created.body.rubric.id;
}

async function openRubric(page, server, id) {
  await page.goto(`${server.url}/?editor=rubric&context=courses/1&rubric=${id}`);
  await page.getByRole("region", { name: "Rubric", exact: true }).waitFor();
}

const textbox = (page, name) => page.getByRole("textbox", { name, exact: true });
const button = (page, name) => page.getByRole("button", { name, exact: true });
const saved = (page) => page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
const stored = async (server, id) => (await api(server, `/api/v1/courses/1/rubrics/${id}`)).body;

test("two teachers on one rubric: the later save shows the earlier one's changes, then keeps or copies as chosen", async () => {
  const server = await startServer();
  cleanups.push(async () => server.stop());
  const id = await createRubric(server);
  const [ana, ben] = [await newTeacher(), await newTeacher()];
  await openRubric(ana, server, id);
  await openRubric(ben, server, id);

  await textbox(ben, "Criterion 1 description").fill("Observation (Ben)");
  await button(ben, "Save rubric").click();
  await saved(ben);

  await textbox(ana, "Rubric title").fill("Field notes (Ana)");
  await button(ana, "Save rubric").click();
  const dialog = ana.getByRole("dialog", { name: "This rubric changed in Canvas" });
  await dialog.waitFor();
  assert.equal((await stored(server, id)).title, "Field notes", "nothing overwritten before the choice");
  await dialog.getByRole("button", { name: "Review their changes" }).click();
  await dialog.getByText("Criterion \u201cObservation\u201d: \u201cObservation\u201d \u2192 \u201cObservation (Ben)\u201d").waitFor();
  await dialog.getByRole("button", { name: "Keep mine", exact: true }).click();
  await saved(ana);
  let now = await stored(server, id);
  assert.equal(now.title, "Field notes (Ana)");
  assert.equal(now.data[0].description, "Observation", "Ana chose her version over Ben's");

  // Ben, who still has the version from before Ana's save, is asked too, and keeps a copy.
  await textbox(ben, "Criterion 1 description").fill("Observation (Ben, again)");
  await button(ben, "Save rubric").click();
  const bens = ben.getByRole("dialog", { name: "This rubric changed in Canvas" });
  await bens.waitFor();
  await bens.getByRole("button", { name: "Save mine as a copy" }).click();
  await ben.getByText(/Your version is saved as a new rubric, id \d+; the version saved by someone else stays as rubric/).waitFor();
  const copy = Number(new URL(ben.url()).searchParams.get("rubric"));
  assert.notEqual(copy, id);
  now = await stored(server, id);
  assert.equal(now.title, "Field notes (Ana)", "Ana's version stays");
  const bensCopy = await stored(server, copy);
  assert.equal(bensCopy.data[0].description, "Observation (Ben, again)");
});

test("the network drops mid-save: the edits stay, the teacher is told, and Retry save saves", async () => {
  const server = await startServer();
  cleanups.push(async () => server.stop());
  const id = await createRubric(server);
  const page = await newTeacher();
  await openRubric(page, server, id);
  await page.route(`**/api/v1/courses/1/rubrics/${id}`, (route) =>
    route.request().method() === "PUT" ? route.abort("connectionreset") : route.continue());
  await textbox(page, "Criterion 1 description").fill("Observation, dated");
  await button(page, "Save rubric").click();
  await page.getByText(/Could not reach Canvas \(.+\)\. Check your connection and try again\./).waitFor();
  assert.equal(await textbox(page, "Criterion 1 description").inputValue(), "Observation, dated");
  assert.equal((await stored(server, id)).data[0].description, "Observation");
  await page.unroute(`**/api/v1/courses/1/rubrics/${id}`);
  await button(page, "Retry save").click();
  await saved(page);
  assert.equal((await stored(server, id)).data[0].description, "Observation, dated");
});

test("the sign-in expires between load and save: the edits stay editable and a retry after signing in saves", async () => {
  const server = await startServer();
  cleanups.push(async () => server.stop());
  const id = await createRubric(server);
  const page = await newTeacher();
  await openRubric(page, server, id);
  // From here the page's token is one the server no longer knows: its own 401 answers.
  const expire = (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: "Bearer expired-token" } });
  await page.route("**/api/v1/**", expire);
  await textbox(page, "Criterion 1 description").fill("Observation, signed");
  await button(page, "Save rubric").click();
  await page.getByText("Canvas no longer accepts your sign-in (Invalid access token.)", { exact: false }).waitFor();
  assert.equal(await textbox(page, "Criterion 1 description").isEditable(), true, "not switched to read-only");
  await page.unroute("**/api/v1/**", expire);
  await button(page, "Retry save").click();
  await saved(page);
  assert.equal((await stored(server, id)).data[0].description, "Observation, signed");
});

test("the server restarts between load and save: the edits stay and a retry saves to the restarted server", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "rubric-e2e-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = path.join(dir, "canvas.db");
  let server = await startServer({ db });
  cleanups.push(async () => server.stop());
  const id = await createRubric(server);
  const page = await newTeacher();
  await openRubric(page, server, id);
  await textbox(page, "Criterion 1 description").fill("Observation, restarted");
  const addr = new URL(server.url).host;
  server.stop();
  await button(page, "Save rubric").click();
  await page.getByText(/Could not reach Canvas/).waitFor();
  server = await startServer({ db, addr });
  cleanups.push(async () => server.stop());
  await button(page, "Retry save").click();
  await saved(page);
  assert.equal((await stored(server, id)).data[0].description, "Observation, restarted");
});
