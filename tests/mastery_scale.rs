//! The mastery scale editor in headless Chromium, with Canvas answers from a fake `fetch`
//! installed in the page (so failures can be staged); the end-to-end tests use the real server.
#![cfg(target_arch = "wasm32")]
use serde_json::{json, Value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod support;

use support::*;

fn default_scale() -> Value {
    json!({"ratings": [
        {"description": "Exceeds Mastery", "points": 4.0, "mastery": false, "color": "008EE2"},
        {"description": "Mastery", "points": 3.0, "mastery": true, "color": "00AC18"},
        {"description": "Near Mastery", "points": 2.0, "mastery": false, "color": "FAB901"},
        {"description": "Below Mastery", "points": 1.0, "mastery": false, "color": "D97900"},
        {"description": "No Evidence", "points": 0.0, "mastery": false, "color": "EE0612"}
    ]})
}

/// Routes for accounts/2 (inheriting from account 1), with `scale_get` and `post` answers.
fn routes(can_edit: bool, scale_get: Vec<Value>, post: Vec<Value>) -> Value {
    json!([
        {"method": "GET", "path": "/api/v1/accounts/2/outcome_proficiency", "answers": scale_get},
        {"method": "GET", "path": "/api/v1/accounts/1/outcome_proficiency", "answers": [answer(200, &default_scale())]},
        {"method": "GET", "path": "/api/v1/accounts/2", "answers": [answer(200, &json!({"id": 2, "name": "Science Department", "parent_account_id": 1}))]},
        {"method": "GET", "path": "/api/v1/accounts/1", "answers": [answer(200, &json!({"id": 1, "name": "Demo University", "parent_account_id": null}))]},
        {"method": "GET", "path": "/api/v1/accounts/2/permissions", "answers": [answer(200, &json!({"manage_proficiency_scales": can_edit}))]},
        {"method": "POST", "path": "/api/v1/accounts/2/outcome_proficiency", "answers": post}
    ])
}

async fn mount(routes: Value) -> Mounted {
    let options = json!({"context": "accounts/2", "token": "secret-token", "timeoutMs": 400});
    let mounted = mount_with(&routes, &options, rubric_editor::mount_mastery_scale_editor);
    mounted_ready(&mounted).await;
    mounted
}

async fn mounted_ready(mounted: &Mounted) {
    wait_for("the editor to load", || {
        !mounted.text().contains("Loading mastery scale")
    })
    .await;
}

fn posts() -> Vec<Value> {
    sent()
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .collect()
}

/// Clicks Save once it is enabled (edits reach the DOM asynchronously).
async fn click_save(mounted: &Mounted) {
    wait_for("Save to be enabled", || {
        !mounted
            .button("Save mastery scale")
            .has_attribute("disabled")
    })
    .await;
    mounted.button("Save mastery scale").click();
}

#[wasm_bindgen_test]
async fn loads_an_inherited_scale_with_the_accessible_names_of_the_contract() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    assert!(
        m.text().contains("Inherited from Demo University"),
        "{}",
        m.text()
    );
    assert_eq!(m.input("Description, level 1").value(), "Exceeds Mastery");
    assert_eq!(m.input("Points, level 3").value(), "2");
    assert_eq!(m.input("Color hex, level 5").value(), "#EE0612");
    assert!(m.input("Mastery, level 2").checked());
    assert!(m
        .host
        .query_selector("[role=region][aria-label=\"Mastery scale\"]")
        .unwrap()
        .is_some());
    assert!(
        m.button("Save mastery scale").has_attribute("disabled"),
        "nothing changed yet"
    );
    m.button("Delete level 1");
    m.button("Add mastery level");
    let auth = sent()[0]["authorization"].as_str().unwrap().to_string();
    assert_eq!(auth, "Bearer secret-token");
}

#[wasm_bindgen_test]
async fn adding_a_level_focuses_its_description_and_announces_it() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    m.button("Add mastery level").click();
    wait_for("level 6", || m.by_label("Description, level 6").is_some()).await;
    wait_for("focus on the new description", || {
        active_label() == "Description, level 6"
    })
    .await;
    assert_eq!(m.input("Points, level 6").value(), "0");
    wait_for("the announcement", || m.status() == "Level 6 added").await;
    assert!(!m.button("Save mastery scale").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn deleting_the_mastery_level_confirms_moves_mastery_up_and_focuses_the_previous_delete() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    m.button("Delete level 2").click();
    confirm_dialog(&m, "Delete").await;
    wait_for("four levels", || {
        m.by_label("Description, level 5").is_none()
    })
    .await;
    assert!(
        m.input("Mastery, level 1").checked(),
        "mastery moved to the level above"
    );
    assert_eq!(m.input("Description, level 2").value(), "Near Mastery");
    wait_for("focus on the previous delete button", || {
        active_label() == "Delete level 1"
    })
    .await;
    wait_for("the announcement", || m.status() == "Level 2 deleted").await;
}

#[wasm_bindgen_test]
async fn undo_and_redo_work_from_buttons_and_the_keyboard() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    m.type_into("Description, level 1", "Excellent");
    wait_for("the edit", || {
        m.input("Description, level 1").value() == "Excellent"
    })
    .await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    let undo = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    m.input("Description, level 1")
        .dispatch_event(&undo)
        .unwrap();
    wait_for("undo", || {
        m.input("Description, level 1").value() == "Exceeds Mastery"
    })
    .await;
    m.button("Redo").click();
    wait_for("redo", || {
        m.input("Description, level 1").value() == "Excellent"
    })
    .await;
    m.button("Undo").click();
    wait_for("undo again", || {
        m.input("Description, level 1").value() == "Exceeds Mastery"
    })
    .await;
    assert!(
        m.button("Save mastery scale").has_attribute("disabled"),
        "back to the saved scale"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_scale_blocks_save_with_errors_at_the_fields() {
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(200, &default_scale())],
    ))
    .await;
    m.type_into("Points, level 2", "5");
    wait_for("the order error, shown live", || {
        m.text()
            .contains("Points should be strictly decreasing: 4.0 <= 5.0")
    })
    .await;
    m.type_into("Description, level 3", "");
    click_save(&m).await;
    wait_for("the summary", || {
        m.text().contains("Fix these problems to save")
    })
    .await;
    let description = m.input("Description, level 3");
    assert_eq!(
        description.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let error_id = description.get_attribute("aria-describedby").unwrap();
    let error = document()
        .get_element_by_id(&error_id)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("Description can't be blank"), "{error}");
    wait_for("focus on the first invalid field", || {
        active_label() == "Points, level 2"
    })
    .await;
    assert!(posts().is_empty(), "nothing was sent");
}

#[wasm_bindgen_test]
async fn saving_confirms_posts_once_in_canvas_form_encoding_and_shows_the_result() {
    let mut stored = default_scale();
    stored["ratings"][0]["description"] = json!("Excellent");
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(200, &stored)],
    ))
    .await;
    m.type_into("Description, level 1", "Excellent");
    m.type_into("Color hex, level 1", "#0a1");
    click_save(&m).await;
    wait_for("the confirm dialog", || {
        m.text().contains("and its sub-accounts and courses")
    })
    .await;
    confirm_dialog(&m, "Save").await;
    wait_for("Saved", || m.status() == "Saved").await;
    let posts = posts();
    assert_eq!(posts.len(), 1);
    let body = posts[0]["body"].as_str().unwrap();
    assert!(body.starts_with("ratings%5B%5D%5Bdescription%5D=Excellent&ratings%5B%5D%5Bpoints%5D=4&ratings%5B%5D%5Bmastery%5D=false&ratings%5B%5D%5Bcolor%5D=00AA11"), "{body}");
    assert!(posts[0]["contentType"]
        .as_str()
        .unwrap()
        .starts_with("application/x-www-form-urlencoded"));
    assert_eq!(
        m.input("Color hex, level 1").value(),
        "#008EE2",
        "the editor shows what Canvas stored"
    );
    assert!(m.button("Save mastery scale").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_server_failure_keeps_every_edit_and_retry_succeeds() {
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(
            500,
            &json!({"errors": [{"message": "An error occurred."}]}),
        )],
    ))
    .await;
    m.type_into("Description, level 4", "Developing");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the error", || {
        m.text().contains("Canvas had a problem (500)")
    })
    .await;
    assert_eq!(m.input("Description, level 4").value(), "Developing");
    let mut stored = default_scale();
    stored["ratings"][3]["description"] = json!("Developing");
    set_routes(
        &routes(
            true,
            vec![answer(200, &default_scale())],
            vec![answer(200, &stored)],
        )
        .to_string(),
    );
    m.button("Retry save").click();
    wait_for("Saved", || m.status() == "Saved").await;
    assert_eq!(m.input("Description, level 4").value(), "Developing");
}

#[wasm_bindgen_test]
async fn canvas_422_errors_are_listed_and_the_edits_kept() {
    let errors = json!({"errors": [{"field": "outcome_proficiency_ratings", "message": "Exactly one rating can have mastery", "error_code": "Exactly one rating can have mastery"}]});
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(422, &errors)],
    ))
    .await;
    m.type_into("Description, level 5", "Not yet");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the server errors", || {
        m.text()
            .contains("Canvas: outcome proficiency ratings Exactly one rating can have mastery")
    })
    .await;
    assert_eq!(m.input("Description, level 5").value(), "Not yet");
}

#[wasm_bindgen_test]
async fn throttled_answers_are_retried_and_network_failures_reported() {
    let throttled = json!({"status": 403, "body": "403 Forbidden (Rate Limit Exceeded)\n", "headers": {"Content-Type": "text/plain"}});
    let m = mount(routes(
        true,
        vec![throttled.clone(), throttled, answer(200, &default_scale())],
        vec![json!({"network_error": true})],
    ))
    .await;
    assert_eq!(
        m.input("Description, level 1").value(),
        "Exceeds Mastery",
        "loaded after two throttled answers"
    );
    m.type_into("Description, level 1", "Top");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the network error", || {
        m.text().contains("Could not reach Canvas")
    })
    .await;
    assert_eq!(m.input("Description, level 1").value(), "Top");
}

#[wasm_bindgen_test]
async fn malformed_answers_show_an_error_instead_of_panicking() {
    let m = mount(routes(
        true,
        vec![
            json!({"status": 200, "body": "{not json"}),
            answer(200, &default_scale()),
        ],
        vec![],
    ))
    .await;
    assert!(m.text().contains("could not be loaded"), "{}", m.text());
    assert!(m.text().contains("cannot read"));
    m.button("Try again").click();
    wait_for("the retry", || m.by_label("Description, level 1").is_some()).await;
}

#[wasm_bindgen_test]
async fn people_who_may_not_edit_get_a_read_only_view_with_the_reason() {
    let m = mount(routes(false, vec![answer(200, &default_scale())], vec![])).await;
    assert!(m
        .text()
        .contains("only account administrators manage mastery scales"));
    assert!(
        m.host.query_selector("input").unwrap().is_none(),
        "no inputs"
    );
    assert!(m.text().contains("Near Mastery"));
}

#[wasm_bindgen_test]
async fn a_refused_save_switches_to_read_only() {
    let refusal = json!({"status": "unauthorized", "errors": [{"message": "user not authorized to perform that action"}]});
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(401, &refusal)],
    ))
    .await;
    m.type_into("Description, level 1", "Top");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("read-only", || m.text().contains("Canvas refused the save")).await;
}

/// The mastery scale's stored draft, if any.
fn scale_draft() -> Option<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|k| k.contains("mastery-scale"))?;
    storage.get_item(&key).unwrap()
}

#[wasm_bindgen_test]
async fn a_draft_waits_for_a_pause_in_typing_and_is_written_at_once_when_the_page_hides() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    m.type_into("Description, level 1", "Typed");
    assert_eq!(scale_draft(), None, "no storage write on the keystroke");
    wait_for("the draft after a pause", || {
        scale_draft().is_some_and(|d| d.contains("Typed"))
    })
    .await;
    m.type_into("Description, level 1", "Typed on");
    assert!(!scale_draft().unwrap().contains("Typed on"));
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    assert!(
        scale_draft().unwrap().contains("Typed on"),
        "written when the page hides"
    );
    m.type_into("Description, level 1", "Exemplary");
    m.type_into("Description, level 1", "Exceeds Mastery");
    wait_for("the draft cleared", || scale_draft().is_none()).await;
}

#[wasm_bindgen_test]
async fn the_host_hears_change_only_when_unsaved_state_flips() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::<bool>::new()));
    let sink = heard.clone();
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        let dirty = js_sys::Reflect::get(&e.detail(), &"dirty".into()).unwrap();
        sink.borrow_mut().push(dirty.as_bool().unwrap());
    });
    m.host
        .add_event_listener_with_callback("rubric-editor:change", listener.as_ref().unchecked_ref())
        .unwrap();
    for text in ["E", "Ex", "Exc", "Exce"] {
        m.type_into("Description, level 1", text);
        sleep(0).await;
    }
    wait_for("dirty", || heard.borrow().as_slice() == [true]).await;
    m.type_into("Description, level 1", "Exceeds Mastery");
    wait_for("clean again", || heard.borrow().as_slice() == [true, false]).await;
    m.type_into("Description, level 1", "Exceeds Mastery");
    next_frame().await;
    assert_eq!(
        heard.borrow().as_slice(),
        [true, false],
        "nothing flipped, nothing sent"
    );
}

#[wasm_bindgen_test]
async fn unsaved_edits_survive_a_reload_as_a_draft_without_the_token() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    m.type_into("Description, level 1", "Draft text");
    wait_for("the draft", || scale_draft().is_some()).await;
    let stored = scale_draft().unwrap();
    assert!(
        stored.contains("Draft text") && !stored.contains("secret-token"),
        "{stored}"
    );
    drop(m);
    // Mount again without clearing storage: the draft is offered back.
    let again = remount(
        &json!({"context": "accounts/2", "token": "secret-token"}),
        rubric_editor::mount_mastery_scale_editor,
    );
    mounted_ready(&again).await;
    wait_for("the draft offer", || {
        again.text().contains("Unsaved changes from")
    })
    .await;
    again.button("Restore changes").click();
    wait_for("the restored text", || {
        again.input("Description, level 1").value() == "Draft text"
    })
    .await;
    assert!(!again.button("Save mastery scale").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn no_scale_anywhere_offers_canvas_default() {
    let none = json!({"status": 404, "body": "{\"message\":\"ActiveRecord::RecordNotFound\"}"});
    let m = mount(routes(true, vec![none], vec![])).await;
    assert!(m.text().contains("has no mastery scale yet"));
    m.button("Start from Canvas's default scale").click();
    wait_for("the default levels", || {
        m.by_label("Description, level 5").is_some()
    })
    .await;
    assert_eq!(m.input("Description, level 2").value(), "Mastery");
    assert!(!m.button("Save mastery scale").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn the_palette_is_one_tab_stop_with_arrow_keys_and_contrast_is_reported() {
    let m = mount(routes(true, vec![answer(200, &default_scale())], vec![])).await;
    assert!(
        m.text().contains("only 1.7:1 against the page"),
        "yellow warns"
    );
    m.button("Choose color, level 1").click();
    let group = m.by_label("Preset colors, level 1").unwrap();
    let radios = group.query_selector_all("[role=radio]").unwrap();
    assert_eq!(radios.length(), 15);
    let focusable = (0..radios.length())
        .filter(|&i| {
            radios
                .item(i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .tab_index()
                == 0
        })
        .count();
    assert_eq!(focusable, 1, "one tab stop");
    let first: HtmlElement = radios.item(0).unwrap().unchecked_into();
    first.click();
    wait_for("Brick", || {
        m.input("Color hex, level 1").value() == "#BD3C14"
    })
    .await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    first
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    wait_for("Red", || m.input("Color hex, level 1").value() == "#FF2717").await;
    wait_for("focus follows", || active_label() == "Red (#FF2717)").await;
}

#[wasm_bindgen_test]
async fn a_save_that_gets_no_answer_times_out_and_keeps_the_edits() {
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![json!({"hang": true})],
    ))
    .await;
    m.type_into("Description, level 2", "Meets");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the timeout message", || {
        m.text().contains("no answer within 0.4 seconds")
    })
    .await;
    assert_eq!(m.input("Description, level 2").value(), "Meets");
    assert!(
        !m.button("Save mastery scale").has_attribute("disabled"),
        "save can be tried again"
    );
}

/// [`routes`] plus account 1's permissions, so a second editor can open account 1's scale.
fn routes_for_two_accounts(scale_get: Vec<Value>, post: Vec<Value>) -> Value {
    let mut routes = routes(true, scale_get, post);
    routes.as_array_mut().unwrap().push(json!(
        {"method": "GET", "path": "/api/v1/accounts/1/permissions", "answers": [answer(200, &json!({"manage_proficiency_scales": true}))]}
    ));
    routes
}

/// Mounts a second editor on account 1 and waits until it has loaded: by then every answer to
/// the first editor has long been delivered and handled.
async fn mount_account_one() -> Mounted {
    let options = json!({"context": "accounts/1", "token": "secret-token", "timeoutMs": 400});
    let other = remount(&options, rubric_editor::mount_mastery_scale_editor);
    wait_for("the second editor to load", || {
        other.by_label("Description, level 1").is_some()
    })
    .await;
    other
}

#[wasm_bindgen_test]
async fn unmounting_during_a_load_stops_the_load_and_leaves_the_host_empty() {
    let first = mount_with(
        &routes_for_two_accounts(vec![delayed(150, answer(200, &default_scale()))], vec![]),
        &json!({"context": "accounts/2", "token": "secret-token", "timeoutMs": 2000}),
        rubric_editor::mount_mastery_scale_editor,
    );
    wait_for("the scale request", || !sent().is_empty()).await;
    let mut first = first;
    first.handle.unmount();
    wait_for("the delayed answer", || answered() >= 1).await;
    let _other = mount_account_one().await;
    assert!(
        !sent().iter().any(|r| r["path"] == "/api/v1/accounts/2"),
        "the unmounted editor's load went no further than its first request"
    );
    assert_eq!(
        first.host.inner_html(),
        "",
        "nothing was drawn after unmount"
    );
    assert_eq!(uncaught_errors(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn unmounting_during_a_save_drops_the_answer_and_keeps_the_draft() {
    let mut stored = default_scale();
    stored["ratings"][0]["description"] = json!("Excellent");
    let mut first = mount(routes_for_two_accounts(
        vec![answer(200, &default_scale())],
        vec![delayed(150, answer(200, &stored))],
    ))
    .await;
    first.type_into("Description, level 1", "Excellent");
    click_save(&first).await;
    confirm_dialog(&first, "Save").await;
    wait_for("the save request", || posts().len() == 1).await;
    first.handle.unmount();
    assert!(
        scale_draft().is_some_and(|d| d.contains("Excellent")),
        "unmounting wrote the draft"
    );
    let delivered = answered();
    wait_for("the delayed save answer", || answered() > delivered).await;
    let _other = mount_account_one().await;
    assert!(
        scale_draft().is_some_and(|d| d.contains("Excellent")),
        "the answer that came after unmount did not touch the draft"
    );
    assert_eq!(posts().len(), 1);
    assert_eq!(uncaught_errors(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn a_scale_someone_else_saved_since_loading_is_not_replaced_without_asking() {
    let mut theirs = default_scale();
    theirs["ratings"][1]["description"] = json!("Meets Mastery");
    let mut mine = default_scale();
    mine["ratings"][0]["description"] = json!("Excellent");
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale()), answer(200, &theirs)],
        vec![answer(200, &mine)],
    ))
    .await;
    m.type_into("Description, level 1", "Excellent");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the conflict dialog", || {
        m.text().contains("This mastery scale changed in Canvas")
    })
    .await;
    confirm_dialog(&m, "Review their changes").await;
    wait_for("their changes", || {
        m.text()
            .contains("Level 2: \u{201c}Mastery\u{201d} \u{2192} \u{201c}Meets Mastery\u{201d}")
    })
    .await;
    confirm_dialog(&m, "Cancel").await;
    next_frame().await;
    assert!(posts().is_empty(), "cancel keeps their version");
    assert_eq!(
        m.input("Description, level 1").value(),
        "Excellent",
        "and my edits"
    );
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    confirm_dialog(&m, "Keep mine").await;
    wait_for("Saved", || m.status() == "Saved").await;
    assert_eq!(posts().len(), 1);
    assert!(posts()[0]["body"]
        .as_str()
        .unwrap()
        .contains("description%5D=Excellent"));
}

#[wasm_bindgen_test]
async fn a_sign_in_canvas_no_longer_accepts_keeps_the_edits_editable_and_retry_saves() {
    let expired = json!({"errors": [{"message": "Invalid access token."}]});
    let m = mount(routes(
        true,
        vec![answer(200, &default_scale())],
        vec![answer(401, &expired), answer(200, &default_scale())],
    ))
    .await;
    m.type_into("Description, level 1", "Top");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("the sign-in message", || {
        m.text()
            .contains("Canvas no longer accepts your sign-in (Invalid access token.)")
    })
    .await;
    assert!(
        !m.text().contains("Canvas refused the save"),
        "not mistaken for a missing permission"
    );
    assert_eq!(m.input("Description, level 1").value(), "Top");
    m.button("Retry save").click();
    wait_for("Saved", || m.status() == "Saved").await;
    assert_eq!(posts().len(), 2);
}

#[wasm_bindgen_test]
async fn without_a_token_the_canvas_session_is_used_with_the_csrf_token_on_writes() {
    let set_cookie = |cookie: &str| {
        js_sys::Reflect::set(&document(), &"cookie".into(), &cookie.into()).unwrap();
    };
    set_cookie("_csrf_token=abc%2B1%3D%3D; path=/");
    let m = mount_with(
        &routes(
            true,
            vec![answer(200, &default_scale())],
            vec![answer(200, &default_scale())],
        ),
        &json!({"context": "accounts/2", "timeoutMs": 2000}),
        rubric_editor::mount_mastery_scale_editor,
    );
    mounted_ready(&m).await;
    m.type_into("Description, level 1", "Top");
    click_save(&m).await;
    confirm_dialog(&m, "Save").await;
    wait_for("Saved", || m.status() == "Saved").await;
    set_cookie("_csrf_token=; path=/; max-age=0");
    let requests = sent();
    assert!(
        requests.iter().all(|r| r["authorization"].is_null()),
        "no token is sent"
    );
    assert!(
        requests.iter().all(|r| r["credentials"] == "same-origin"),
        "the session cookie goes with every request"
    );
    for request in &requests {
        let expected = if request["method"] == "GET" {
            Value::Null
        } else {
            json!("abc+1==")
        };
        assert_eq!(
            request["csrf"], expected,
            "{} {}",
            request["method"], request["path"]
        );
    }
    assert_eq!(posts().len(), 1);
}
