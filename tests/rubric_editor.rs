//! The rubric editor in headless Chromium, with Canvas answers from a fake `fetch` installed in
//! the page (so failures can be staged); the end-to-end journeys use the real server.
#![cfg(target_arch = "wasm32")]
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;

use support::*;

#[wasm_bindgen(inline_js = r#"
export function paste_text(element, text) {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}
export function choose_file(input, name, text) {
  const data = new DataTransfer();
  data.items.add(new File([text], name, { type: "text/csv" }));
  input.files = data.files;
}
export function drag_to(handle, target) {
  const data = new DataTransfer();
  handle.dispatchEvent(new DragEvent("dragstart", { dataTransfer: data, bubbles: true }));
  target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
  target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  handle.dispatchEvent(new DragEvent("dragend", { dataTransfer: data, bubbles: true }));
}
export function watch_mutations(root) {
  const seen = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const row = node.closest("tr[data-criterion]");
      const where = row ? `row ${[...row.parentElement.children].indexOf(row) + 1}` : (node.closest(".rbe-total") ? "total" : node.className || node.tagName);
      seen.push(`${where}: ${node.closest("[class]").className.split(" ")[0]}`);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return () => { observer.disconnect(); return JSON.stringify([...new Set(seen)]); };
}
export function choose(select, value) {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}
"#)]
extern "C" {
    fn drag_to(handle: &web_sys::HtmlElement, target: &web_sys::Element);
    fn choose(select: &web_sys::HtmlElement, value: &str);
    fn watch_mutations(root: &web_sys::HtmlElement) -> js_sys::Function;
    fn choose_file(input: &web_sys::HtmlElement, name: &str, text: &str);
    fn paste_text(element: &web_sys::HtmlElement, text: &str);
}

fn rating(id: &str, description: &str, points: f64) -> Value {
    json!({"description": description, "long_description": "", "points": points, "id": id})
}

/// Rubric 5 of course 1: an essay rubric with a range criterion and an outcome criterion.
fn rubric(id: u64, associations: Value) -> Value {
    json!({
        "id": id, "context_id": 1, "context_type": "Course", "title": "Essay", "points_possible": 18.0,
        "reusable": false, "public": false, "read_only": false,
        "free_form_criterion_comments": false, "hide_score_total": false,
        "data": [
            {"description": "Thesis", "long_description": "A clear claim", "points": 5.0, "id": "c1", "criterion_use_range": false,
             "ratings": [rating("r1", "Strong", 5.0), rating("r2", "Partial", 3.0), rating("r3", "Missing", 0.0)]},
            {"description": "Evidence", "long_description": "", "points": 10.0, "id": "c2", "criterion_use_range": true,
             "ratings": [rating("r4", "Thorough", 10.0), rating("r5", "Some", 7.0), rating("r6", "None", 0.0)]},
            {"description": "Outcome: argue", "points": 3.0, "id": "c3", "criterion_use_range": false, "long_description": "",
             "learning_outcome_id": 7, "mastery_points": 2.0, "ignore_for_scoring": false,
             "ratings": [rating("r7", "Meets", 3.0), rating("r8", "Does not meet", 0.0)]}
        ],
        "associations": associations
    })
}

fn grading(id: u64, assignment: u64, title: &str) -> Value {
    json!({"id": id, "rubric_id": 5, "association_id": assignment, "association_type": "Assignment",
           "use_for_grading": true, "title": title, "purpose": "grading", "context_id": 1,
           "context_type": "Course", "hide_score_total": false, "bookmarked": true,
           "hide_points": false, "hide_outcome_results": false})
}

/// Course 1 routes: rubric 5 (GET answers in turn), permissions, assignments, and `put`
/// answers for saving rubric 5.
fn routes(can_edit: bool, gets: Vec<Value>, put: Vec<Value>) -> Value {
    json!([
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/5", "answers": gets},
        {"method": "GET", "path": "/api/v1/courses/1/permissions", "answers": [answer(200, &json!({"manage_rubrics": can_edit}))]},
        {"method": "GET", "path": "/api/v1/courses/1/assignments", "answers": [answer(200, &json!([{"id": 2, "name": "Field Notebook"}]))]},
        {"method": "GET", "path": "/api/v1/courses/1", "answers": [answer(200, &json!({"id": 1, "name": "Biology 101"}))]},
        {"method": "PUT", "path": "/api/v1/courses/1/rubrics/5", "answers": put}
    ])
}

fn saved_answer(rubric: &Value) -> Value {
    answer(200, &json!({"rubric": rubric, "rubric_association": null}))
}

async fn open(routes: Value, rubric: &str) -> Mounted {
    let options =
        json!({"context": "courses/1", "token": "t", "timeoutMs": 5000, "rubric": rubric});
    let m = mount_with(&routes, &options, rubric_editor::mount_rubric_editor);
    wait_for("the rubric to load", || {
        !m.text().contains("Loading rubric") && !m.text().contains("Loading rubrics…")
    })
    .await;
    m
}

fn total(m: &Mounted) -> String {
    m.host
        .query_selector(".rbe-total__value")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn requests_with(method: &str) -> Vec<Value> {
    sent()
        .into_iter()
        .filter(|r| r["method"] == method)
        .collect()
}

/// Waits for the control named `label` to have focus.
async fn focus_on(label: &str) {
    wait_for(&format!("focus on {label}"), || active_label() == label).await;
}

async fn save(m: &Mounted) {
    wait_for("Save rubric to be enabled", || {
        !m.button("Save rubric").has_attribute("disabled")
    })
    .await;
    m.button("Save rubric").click();
}

#[wasm_bindgen_test]
async fn a_keystroke_in_a_points_cell_changes_only_its_row_points_and_the_total_in_the_editor() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    assert_eq!(total(&m), "18");
    // The first edit also enables Save and Undo; watch the editor from the second one on.
    m.type_into("Criterion 1 rating 1 points", "6");
    wait_for("the total", || total(&m) == "19").await;
    wait_for("Save enabled", || {
        !m.button("Save rubric").has_attribute("disabled")
    })
    .await;
    let form = m
        .host
        .query_selector("section.rbe-rubric")
        .unwrap()
        .unwrap();
    let stop = watch_mutations(form.unchecked_ref());
    m.type_into("Criterion 1 rating 1 points", "7");
    wait_for("the total", || total(&m) == "20").await;
    next_frame().await;
    let changed: Vec<String> =
        serde_json::from_str(&stop.call0(&JsValue::NULL).unwrap().as_string().unwrap()).unwrap();
    assert_eq!(
        changed,
        ["row 1: rbe-criterion__points", "total: rbe-total__value"],
        "nothing else in the page changes"
    );
}

#[wasm_bindgen_test]
async fn loads_a_rubric_as_a_table_with_the_contract_names_and_live_total() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    assert_eq!(m.input("Rubric title").value(), "Essay");
    assert_eq!(m.input("Criterion 1 description").value(), "Thesis");
    assert_eq!(
        m.input("Criterion 1 long description").value(),
        "A clear claim"
    );
    assert_eq!(
        m.input("Criterion 1 rating 2 description").value(),
        "Partial"
    );
    assert_eq!(m.input("Criterion 2 rating 1 points").value(), "10");
    assert!(m.input("Criterion 2 uses point range").checked());
    assert!(
        m.text().contains("10 to >7 pts"),
        "ranges shown: {}",
        m.text()
    );
    assert!(
        m.by_label("Criterion 3 description").is_none(),
        "outcome criteria are read-only"
    );
    assert!(m.text().contains("Mastery at 2 points"));
    for name in [
        "Move criterion 1 down",
        "Duplicate criterion 2",
        "Delete criterion 1",
        "Add rating to criterion 1",
        "Delete criterion 1 rating 3",
        "Add criterion",
        "Undo",
        "Redo",
    ] {
        m.button(name);
    }
    assert_eq!(total(&m), "18");
    let headers = m.host.query_selector_all("th[scope=row]").unwrap().length();
    assert_eq!(headers, 3, "each criterion is a row header");
    assert!(m.button("Save rubric").has_attribute("disabled"));

    m.type_into("Criterion 1 rating 1 points", "6.5");
    wait_for("the total to follow", || total(&m) == "19.5").await;
    m.type_into("Criterion 1 rating 1 points", "6.556");
    let points = m.input("Criterion 1 rating 1 points");
    points
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    wait_for("two decimals", || {
        m.input("Criterion 1 rating 1 points").value() == "6.56"
    })
    .await;
    wait_for("the announcement", || {
        m.status().contains("Points rounded to 6.56")
    })
    .await;
}

#[wasm_bindgen_test]
async fn ratings_keep_their_identity_and_can_be_added_inserted_and_deleted() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    m.type_into("Criterion 1 rating 2 points", "9");
    wait_for("points typed", || {
        m.input("Criterion 1 rating 2 points").value() == "9"
    })
    .await;
    assert_eq!(
        m.input("Criterion 1 rating 2 description").value(),
        "Partial",
        "no re-sorting or re-pairing while typing"
    );
    m.button("Insert rating before criterion 1 rating 3")
        .click();
    wait_for("a fourth rating", || {
        m.by_label("Criterion 1 rating 4 points").is_some()
    })
    .await;
    assert_eq!(
        m.input("Criterion 1 rating 4 description").value(),
        "Missing"
    );
    focus_on("Criterion 1 rating 3 description").await;
    m.button("Delete criterion 1 rating 1").click();
    wait_for("rating deleted", || {
        m.by_label("Criterion 1 rating 4 points").is_none()
    })
    .await;
    assert_eq!(
        m.input("Criterion 1 rating 1 description").value(),
        "Partial"
    );
    wait_for("Rating deleted", || m.status().contains("Rating deleted")).await;
    m.button("Add rating to criterion 2").click();
    wait_for("rating added", || {
        m.by_label("Criterion 2 rating 4 points").is_some()
    })
    .await;
    focus_on("Criterion 2 rating 4 description").await;
}

#[wasm_bindgen_test]
async fn criteria_move_duplicate_and_delete_with_focus_and_announcements() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    m.button("Move criterion 1 down").click();
    wait_for("the move", || {
        m.input("Criterion 2 description").value() == "Thesis"
    })
    .await;
    focus_on("Move criterion 2 down").await;
    wait_for("position 2 of 3", || m.status().contains("position 2 of 3")).await;

    m.button("Duplicate criterion 2").click();
    wait_for("the copy", || {
        m.by_label("Criterion 3 description").is_some()
    })
    .await;
    assert_eq!(m.input("Criterion 3 description").value(), "Thesis");
    focus_on("Criterion 3 description").await;
    assert_eq!(total(&m), "23");

    m.button("Delete criterion 3").click();
    confirm_dialog(&m, "Delete").await;
    wait_for("the delete", || total(&m) == "18").await;
    focus_on("Delete criterion 2").await;

    m.button("Add criterion").click();
    wait_for("a new criterion", || {
        m.by_label("Criterion 4 description").is_some()
    })
    .await;
    focus_on("Criterion 4 description").await;
    assert_eq!(total(&m), "23", "a new criterion is worth 5 points");
    m.button("Undo").click();
    wait_for("undo", || total(&m) == "18").await;
}

#[wasm_bindgen_test]
async fn an_invalid_rubric_blocks_save_and_focuses_the_first_problem() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    m.type_into("Criterion 1 rating 2 points", "5");
    wait_for("the duplicate points error", || {
        m.input("Criterion 1 rating 2 points")
            .get_attribute("aria-invalid")
            .as_deref()
            == Some("true")
    })
    .await;
    m.type_into("Rubric title", &"Long ".repeat(60));
    save(&m).await;
    wait_for("focus on the title", || active_label() == "Rubric title").await;
    wait_for("the summary", || {
        m.text().contains("Fix these problems to save")
    })
    .await;
    let title = m.input("Rubric title");
    let described = title.get_attribute("aria-describedby").unwrap();
    assert!(m
        .host
        .query_selector(&format!("#{described}"))
        .unwrap()
        .is_some());
    assert!(requests_with("PUT").is_empty(), "nothing was sent");
}

#[wasm_bindgen_test]
async fn saving_puts_every_criterion_index_keyed_and_shows_what_canvas_stored() {
    // Canvas answers with what it stored, which differs from what was typed (another teacher
    // renamed criterion 1 in between): the editor must show Canvas's version.
    let mut stored = rubric(5, json!([]));
    stored["title"] = json!("Essay v2");
    stored["data"][0]["description"] = json!("Thesis (renamed in Canvas)");
    let m = open(
        routes(
            true,
            // The load, the check before the save, and the read-back after it.
            vec![
                answer(200, &rubric(5, json!([]))),
                answer(200, &rubric(5, json!([]))),
                answer(200, &stored),
            ],
            vec![saved_answer(&stored)],
        ),
        "5",
    )
    .await;
    m.type_into("Rubric title", "Essay v2");
    save(&m).await;
    wait_for("Saved", || m.status().contains("Saved")).await;
    let puts = requests_with("PUT");
    assert_eq!(puts.len(), 1);
    assert!(puts[0]["contentType"]
        .as_str()
        .unwrap()
        .starts_with("application/x-www-form-urlencoded"));
    let body = rubric_core::params::decode(puts[0]["body"].as_str().unwrap().as_bytes()).unwrap();
    let form = &body["rubric"];
    assert_eq!(form["title"], "Essay v2");
    assert_eq!(form["free_form_criterion_comments"], "0");
    assert_eq!(form["criteria"]["1"]["criterion_use_range"], "true");
    assert_eq!(form["criteria"]["0"]["id"], "c1");
    assert_eq!(form["criteria"]["0"]["ratings"]["2"]["points"], "0");
    assert_eq!(form["criteria"]["2"]["learning_outcome_id"], "7");
    assert_eq!(body["rubric_association"]["association_type"], "Course");
    wait_for("the stored criterion", || {
        m.input("Criterion 1 description").value() == "Thesis (renamed in Canvas)"
    })
    .await;
    assert_eq!(m.input("Rubric title").value(), "Essay v2");
    assert!(m.text().contains("All changes saved"), "{}", m.text());
}

#[wasm_bindgen_test]
async fn canvas_refusals_land_on_the_title_and_failures_keep_edits_for_a_retry() {
    let refused = answer(
        200,
        &json!({"error": true, "messages": ["Title has already been taken"]}),
    );
    let mut thesis_statement = rubric(5, json!([]));
    thesis_statement["data"][0]["description"] = json!("Thesis statement");
    let m = open(
        routes(
            true,
            vec![answer(200, &rubric(5, json!([])))],
            vec![
                refused,
                answer(500, &json!({"errors": [{"message": "boom"}]})),
                saved_answer(&thesis_statement),
            ],
        ),
        "5",
    )
    .await;
    m.type_into("Criterion 1 description", "Thesis statement");
    save(&m).await;
    wait_for("the title error", || {
        m.input("Rubric title")
            .get_attribute("aria-invalid")
            .as_deref()
            == Some("true")
    })
    .await;
    focus_on("Rubric title").await;
    assert!(m.text().contains("Canvas: "), "{}", m.text());
    save(&m).await;
    wait_for("the save error", || m.text().contains("Retry save")).await;
    assert_eq!(
        m.input("Criterion 1 description").value(),
        "Thesis statement"
    );
    m.button("Retry save").click();
    wait_for("Saved", || m.status().contains("Saved")).await;
    let puts = requests_with("PUT");
    assert_eq!(
        puts.len(),
        3,
        "the refused save, the failed one and the retry"
    );
    let retried =
        rubric_core::params::decode(puts[2]["body"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(
        retried["rubric"]["criteria"]["0"]["description"], "Thesis statement",
        "the retry sent the kept edit"
    );
    assert!(!m.text().contains("Retry save"));
}

#[wasm_bindgen_test]
async fn saving_a_rubric_that_grades_twice_warns_and_reports_the_copy() {
    let uses = json!([grading(1, 2, "Field Notebook"), grading(2, 3, "Lab report")]);
    let mut copy = rubric(9, json!([]));
    copy["title"] = json!("Essay");
    let mut routes = routes(
        true,
        vec![answer(200, &rubric(5, uses))],
        vec![saved_answer(&copy)],
    );
    routes.as_array_mut().unwrap().push(json!({"method": "GET", "path": "/api/v1/courses/1/rubrics/9", "answers": [answer(200, &copy)]}));
    let m = open(routes, "5").await;
    m.type_into("Criterion 1 rating 1 points", "4");
    save(&m).await;
    wait_for("the warning", || {
        m.text().contains("saves your changes as a new copy")
    })
    .await;
    confirm_dialog(&m, "Save").await;
    wait_for("the copy notice", || m.text().contains("new rubric, id 9")).await;
}

#[wasm_bindgen_test]
async fn a_long_description_edit_of_a_rubric_that_grades_twice_is_confirmed_as_in_place() {
    let uses = json!([grading(1, 2, "Field Notebook"), grading(2, 3, "Lab report")]);
    let stored = rubric(5, uses);
    let m = open(
        routes(
            true,
            vec![answer(200, &stored), answer(200, &stored)],
            vec![saved_answer(&stored)],
        ),
        "5",
    )
    .await;
    m.type_into("Criterion 1 long description", "A claim the essay defends");
    save(&m).await;
    wait_for("the warning", || m.text().contains("apply to all of them")).await;
    assert!(
        !m.text().contains("new copy"),
        "Canvas updates long descriptions in place: {}",
        m.text()
    );
    confirm_dialog(&m, "Save").await;
    wait_for("the PUT", || requests_with("PUT").len() == 1).await;
    wait_for("Saved", || m.status() == "Saved").await;
    assert!(!m.text().contains("new rubric, id"), "{}", m.text());
}

#[wasm_bindgen_test]
async fn people_who_may_not_edit_see_it_read_only_with_the_reason() {
    let m = open(
        routes(false, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    assert!(m.text().contains("manage rubrics"), "{}", m.text());
    assert!(m.by_label("Rubric title").is_none());
    assert!(m.text().contains("Thesis") && m.text().contains("Thorough"));
    assert_eq!(total(&m), "18");
}

#[wasm_bindgen_test]
async fn cells_pasted_from_a_spreadsheet_become_criteria_in_one_undo_step() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    let area = m.input("Paste criteria from a spreadsheet");
    paste_text(
        area.unchecked_ref(),
        "Criterion\tRating\tPoints\nStyle\tPolished\t4\tRough\t1\nSources\tMany\t3,5\tFew\t0\n",
    );
    wait_for("pasted rows", || {
        m.by_label("Criterion 5 description").is_some()
    })
    .await;
    assert_eq!(m.input("Criterion 4 description").value(), "Style");
    assert_eq!(m.input("Criterion 5 rating 1 points").value(), "3.5");
    assert_eq!(total(&m), "25.5");
    m.button("Undo").click();
    wait_for("undo", || m.by_label("Criterion 4 description").is_none()).await;
    paste_text(area.unchecked_ref(), "Style\tPolished\tmany");
    wait_for("the paste error", || m.text().contains("could not be read")).await;
}

#[wasm_bindgen_test]
async fn unsaved_edits_come_back_after_a_reload() {
    let routes = routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]);
    let m = open(routes, "5").await;
    m.type_into("Criterion 2 description", "Evidence used");
    wait_for("the draft", || {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage.length().unwrap() > 0
    })
    .await;
    drop(m);
    let again = remount(
        &json!({"context": "courses/1", "token": "t", "rubric": "5"}),
        rubric_editor::mount_rubric_editor,
    );
    wait_for("the offer", || {
        again.text().contains("Unsaved changes from")
    })
    .await;
    again.button("Restore changes").click();
    wait_for("restored", || {
        again
            .by_label("Criterion 2 description")
            .is_some_and(|_| again.input("Criterion 2 description").value() == "Evidence used")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_list_shows_uses_opens_rubrics_and_reports_refused_deletes() {
    let listed = json!([rubric(5, json!(null))]);
    let routes = json!([
        {"method": "GET", "path": "/api/v1/courses/1/rubrics", "answers": [answer(200, &listed)]},
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/5/used_locations", "answers": [answer(200, &json!([{"id": 1, "name": "Biology 101", "assignments": [{"id": 2, "title": "Field Notebook"}]}]))]},
        {"method": "DELETE", "path": "/api/v1/courses/1/rubrics/5", "answers": [answer(401, &json!({"status": "unauthorized", "errors": [{"message": "user not authorized to perform that action"}]}))]},
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/5", "answers": [answer(200, &rubric(5, json!([])))]},
        {"method": "GET", "path": "/api/v1/courses/1/permissions", "answers": [answer(200, &json!({"manage_rubrics": true}))]},
        {"method": "GET", "path": "/api/v1/courses/1/assignments", "answers": [answer(200, &json!([]))]},
        {"method": "GET", "path": "/api/v1/courses/1", "answers": [answer(200, &json!({"id": 1, "name": "Biology 101"}))]}
    ]);
    let m = open(routes, "").await;
    wait_for("the list", || {
        m.text().contains("Biology 101: Field Notebook")
    })
    .await;
    let row = m.host.query_selector("tbody tr").unwrap().unwrap();
    let cells: Vec<String> = (0..row.children().length())
        .map(|i| row.children().item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        cells[..3],
        ["Essay", "18", "Biology 101: Field Notebook"],
        "title, points and uses of the listed rubric"
    );
    m.button("Delete Essay").click();
    confirm_dialog(&m, "Delete").await;
    wait_for("the refusal", || {
        m.text().contains("Canvas did not delete Essay")
    })
    .await;
    m.button("Essay").click();
    wait_for("the editor", || m.by_label("Rubric title").is_some()).await;
    m.button("← All rubrics").click();
    wait_for("the list again", || m.text().contains("New rubric")).await;
    m.button("New rubric").click();
    wait_for("a new rubric", || {
        m.by_label("Criterion 1 description").is_some()
    })
    .await;
    assert_eq!(total(&m), "5");
}

#[wasm_bindgen_test]
async fn a_csv_import_is_followed_to_the_end_and_row_errors_are_listed() {
    let routes = json!([
        {"method": "GET", "path": "/api/v1/courses/1/rubrics", "answers": [answer(200, &json!([]))]},
        {"method": "POST", "path": "/api/v1/courses/1/rubrics/upload", "answers": [answer(200, &json!({"id": 4, "workflow_state": "created", "progress": 0}))]},
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/upload/4", "answers": [
            answer(200, &json!({"id": 4, "workflow_state": "importing", "progress": 50})),
            answer(200, &json!({"id": 4, "workflow_state": "succeeded_with_errors", "progress": 100, "error_data": [{"message": "'x' is not a number of points", "row": 3, "column": "Rating Points"}, {"message": "Missing ratings for Style"}]}))
        ]},
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/upload/4/rubrics", "answers": [answer(200, &json!([rubric(11, json!(null))]))]}
    ]);
    let m = open(routes, "").await;
    let file_input = m.input("CSV file to import");
    choose_file(
        file_input.unchecked_ref(),
        "rubrics.csv",
        "Rubric Name,Criteria Name\n",
    );
    m.button("Import CSV").click();
    wait_for("the report", || {
        m.text()
            .contains("row 3, column \"Rating Points\": 'x' is not a number of points")
    })
    .await;
    assert!(
        m.text().contains("Missing ratings for Style"),
        "an entry with no row is shown as Canvas wrote it"
    );
    assert!(m.text().contains("Open Essay"));
    let upload = requests_with("POST");
    assert!(upload[0]["contentType"]
        .as_str()
        .unwrap()
        .starts_with("multipart/form-data"));
    assert!(upload[0]["body"]
        .as_str()
        .unwrap()
        .contains("name=\"attachment\""));
}

#[wasm_bindgen_test]
async fn criteria_can_be_inserted_between_rows_and_dragged_into_place() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    m.button("Insert criterion before criterion 2").click();
    wait_for("the inserted row", || {
        m.by_label("Criterion 3 description")
            .is_some_and(|_| m.input("Criterion 3 description").value() == "Evidence")
    })
    .await;
    focus_on("Criterion 2 description").await;
    assert_eq!(m.input("Criterion 2 description").value(), "");
    assert_eq!(total(&m), "23");

    let first_row = m
        .host
        .query_selector("tr[data-criterion]")
        .unwrap()
        .unwrap();
    drag_to(&m.button("Drag criterion 4 to reorder"), &first_row);
    wait_for("the drop", || {
        m.status().contains("Criterion moved to position 1")
    })
    .await;
    assert!(
        m.by_label("Criterion 1 description").is_none(),
        "the outcome criterion (read-only) is now first"
    );
    assert_eq!(m.input("Criterion 2 description").value(), "Thesis");
    focus_on("Drag criterion 1 to reorder").await;
}

#[wasm_bindgen_test]
async fn associations_are_attached_changed_and_removed() {
    let uses = json!([grading(1, 2, "Field Notebook")]);
    let mut updated = grading(1, 2, "Field Notebook");
    updated["hide_points"] = json!(true);
    let mut attached = grading(7, 3, "Lab");
    attached["use_for_grading"] = json!(true);
    let routes = json!([
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/5", "answers": [answer(200, &rubric(5, uses))]},
        {"method": "GET", "path": "/api/v1/courses/1/permissions", "answers": [answer(200, &json!({"manage_rubrics": true}))]},
        {"method": "GET", "path": "/api/v1/courses/1/assignments", "answers": [answer(200, &json!([{"id": 2, "name": "Field Notebook"}, {"id": 3, "name": "Lab"}]))]},
        {"method": "POST", "path": "/api/v1/courses/1/rubric_associations", "answers": [answer(200, &json!({"rubric_association": attached}))]},
        {"method": "PUT", "path": "/api/v1/courses/1/rubric_associations/1", "answers": [answer(200, &json!({"rubric_association": updated}))]},
        {"method": "DELETE", "path": "/api/v1/courses/1/rubric_associations/7", "answers": [answer(200, &json!({"rubric_association": attached}))]},
        {"method": "GET", "path": "/api/v1/courses/1", "answers": [answer(200, &json!({"id": 1, "name": "Biology 101", "account_id": 2}))]},
        {"method": "GET", "path": "/api/v1/accounts/2", "answers": [answer(200, &json!({"id": 2, "name": "Science Department", "parent_account_id": 1}))]}
    ]);
    let m = open(routes, "5").await;
    wait_for("the assignments and the account", || {
        m.text().contains("Assignment: Lab") && m.text().contains("Account: Science Department")
    })
    .await;
    choose(&m.input("Attach to").unchecked_into(), "Assignment:3");
    m.button("Attach rubric").click();
    wait_for("the new use", || {
        m.by_label("Remove from Assignment: Lab").is_some()
    })
    .await;
    let post = requests_with("POST").pop().unwrap();
    let body = rubric_core::params::decode(post["body"].as_str().unwrap().as_bytes()).unwrap();
    let form = &body["rubric_association"];
    assert_eq!(form["association_type"], "Assignment");
    assert_eq!(form["association_id"], "3");
    assert_eq!(form["purpose"], "grading");
    assert_eq!(form["use_for_grading"], "1");
    assert_eq!(form["rubric_id"], "5");

    m.input("Hide points, Assignment: Field Notebook").click();
    wait_for("the update", || {
        m.status().contains("Association updated")
            && m.input("Hide points, Assignment: Field Notebook").checked()
    })
    .await;
    let put = requests_with("PUT").pop().unwrap();
    let body = rubric_core::params::decode(put["body"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(body["rubric_association"]["hide_points"], "1");
    assert_eq!(body["rubric_association"]["use_for_grading"], "1");

    choose(&m.input("Attach to").unchecked_into(), "Account:2");
    m.button("Attach rubric").click();
    wait_for("the account bookmark", || requests_with("POST").len() == 2).await;
    let post = requests_with("POST").pop().unwrap();
    let body = rubric_core::params::decode(post["body"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(body["rubric_association"]["association_type"], "Account");
    assert_eq!(body["rubric_association"]["association_id"], "2");
    assert_eq!(body["rubric_association"]["purpose"], "bookmark");

    wait_for("the answer", || {
        !m.button("Remove from Assignment: Lab")
            .has_attribute("disabled")
    })
    .await;
    m.button("Remove from Assignment: Lab").click();
    wait_for("the removal", || {
        m.by_label("Remove from Assignment: Lab").is_none()
    })
    .await;
    assert_eq!(requests_with("DELETE").len(), 1);
}

#[wasm_bindgen_test]
async fn ratings_can_be_shown_lowest_first_and_added_at_the_shown_end() {
    let m = open(
        routes(true, vec![answer(200, &rubric(5, json!([])))], vec![]),
        "5",
    )
    .await;
    choose(&m.input("Show ratings").unchecked_into(), "asc");
    wait_for("lowest first", || {
        m.input("Criterion 1 rating 1 description").value() == "Missing"
    })
    .await;
    assert_eq!(m.input("Criterion 1 rating 3 points").value(), "5");
    m.button("Add rating to criterion 1").click();
    wait_for("a fourth rating", || {
        m.by_label("Criterion 1 rating 4 points").is_some()
    })
    .await;
    assert_eq!(
        m.input("Criterion 1 rating 4 points").value(),
        "6",
        "added after the highest, as shown"
    );
    focus_on("Criterion 1 rating 4 description").await;
    assert_eq!(total(&m), "19");
}

/// The open dialog's text.
fn dialog_text(m: &Mounted) -> String {
    m.host
        .query_selector("dialog[open]")
        .unwrap()
        .map(|d| d.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_rubric_someone_else_saved_since_loading_is_reviewed_before_keep_mine_overwrites_it() {
    let mut theirs = rubric(5, json!([]));
    theirs["data"][0]["description"] = json!("Claim");
    theirs["data"][0]["ratings"][0]["points"] = json!(4.0);
    let mut mine = rubric(5, json!([]));
    mine["title"] = json!("Essay (mine)");
    let m = open(
        routes(
            true,
            vec![
                answer(200, &rubric(5, json!([]))),
                answer(200, &theirs),
                answer(200, &mine),
            ],
            vec![saved_answer(&mine)],
        ),
        "5",
    )
    .await;
    m.type_into("Rubric title", "Essay (mine)");
    save(&m).await;
    wait_for("the conflict dialog", || {
        dialog_text(&m).contains("This rubric changed in Canvas")
    })
    .await;
    assert!(requests_with("PUT").is_empty(), "nothing overwritten yet");
    let changes_shown = || {
        m.host
            .query_selector("dialog[open] .rbe-dialog__changes")
            .unwrap()
            .and_then(|list| list.parent_element())
            .is_some_and(|panel| !panel.has_attribute("hidden"))
    };
    assert!(!changes_shown(), "their changes wait to be asked for");
    confirm_dialog(&m, "Review their changes").await;
    wait_for("their changes", changes_shown).await;
    let text = dialog_text(&m);
    assert!(
        text.contains("Criterion \u{201c}Thesis\u{201d}: \u{201c}Thesis\u{201d} \u{2192} \u{201c}Claim\u{201d}"),
        "{text}"
    );
    assert!(
        text.contains("rating \u{201c}Strong\u{201d}: points 5 \u{2192} 4"),
        "{text}"
    );
    confirm_dialog(&m, "Keep mine").await;
    wait_for("Saved", || m.status().contains("Saved")).await;
    let puts = requests_with("PUT");
    assert_eq!(puts.len(), 1);
    let body = rubric_core::params::decode(puts[0]["body"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(body["rubric"]["title"], "Essay (mine)");
    assert_eq!(body["rubric"]["criteria"]["0"]["description"], "Thesis");
}

#[wasm_bindgen_test]
async fn a_rubric_deleted_by_someone_else_can_only_be_saved_as_a_copy() {
    let mut copy = rubric(9, json!([]));
    copy["title"] = json!("Essay (mine)");
    let routes = json!([
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/5", "answers": [
            answer(200, &rubric(5, json!([]))),
            answer(404, &json!({"errors": [{"message": "The specified resource does not exist."}]}))
        ]},
        {"method": "GET", "path": "/api/v1/courses/1/permissions", "answers": [answer(200, &json!({"manage_rubrics": true}))]},
        {"method": "GET", "path": "/api/v1/courses/1/assignments", "answers": [answer(200, &json!([]))]},
        {"method": "GET", "path": "/api/v1/courses/1", "answers": [answer(200, &json!({"id": 1, "name": "Biology 101"}))]},
        {"method": "POST", "path": "/api/v1/courses/1/rubrics", "answers": [saved_answer(&copy)]},
        {"method": "GET", "path": "/api/v1/courses/1/rubrics/9", "answers": [answer(200, &copy)]}
    ]);
    let m = open(routes, "5").await;
    m.type_into("Rubric title", "Essay (mine)");
    save(&m).await;
    wait_for("the conflict dialog", || {
        dialog_text(&m).contains("deleted this rubric")
    })
    .await;
    assert!(
        !dialog_text(&m).contains("Keep mine"),
        "a deleted rubric cannot be saved over"
    );
    confirm_dialog(&m, "Save mine as a copy").await;
    wait_for("the copy notice", || {
        m.text()
            .contains("Your version is saved as a new rubric, id 9")
    })
    .await;
    let posts = requests_with("POST");
    assert_eq!(posts.len(), 1);
    let body = rubric_core::params::decode(posts[0]["body"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(body["rubric"]["title"], "Essay (mine)");
    assert!(requests_with("PUT").is_empty());
}
