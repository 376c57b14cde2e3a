//! Rubrics over HTTP: Canvas's criteria parsing, responses, copy-on-write, delete, listing.
mod common;

use common::{read, Server, ADMIN, STUDENT, TEACHER};
use serde_json::{json, Value};

const COURSE_ASSOCIATION: &str =
    "rubric_association[association_type]=Course&rubric_association[association_id]=1&rubric_association[purpose]=bookmark";

fn create(server: &Server, body: &str) -> (u16, Value) {
    read(server.form(
        "POST",
        "/api/v1/courses/1/rubrics",
        Some(TEACHER),
        &format!("{body}&{COURSE_ASSOCIATION}"),
    ))
}

#[test]
fn create_parses_index_keyed_criteria_as_canvas_does() {
    let server = Server::demo();
    let body = "rubric[title]=Essay\
        &rubric[criteria][10][description]=Second&rubric[criteria][10][ratings][0][description]=Only&rubric[criteria][10][ratings][0][points]=2\
        &rubric[criteria][2][description]=+First+&rubric[criteria][2][long_description]=a+%3C+b%0Anext\
        &rubric[criteria][2][criterion_use_range]=true&rubric[criteria][2][id]=keep_me\
        &rubric[criteria][2][ratings][0][description]=Low&rubric[criteria][2][ratings][0][points]=1\
        &rubric[criteria][2][ratings][1][description]=&rubric[criteria][2][ratings][1][points]=5\
        &rubric[criteria][2][ratings][2][description]=Bad&rubric[criteria][2][ratings][2][points]=abc\
        &rubric[criteria][2][points]=999";
    let (status, body) = create(&server, body);
    assert_eq!(status, 200, "{body}");
    let rubric = &body["rubric"];
    assert_eq!(rubric["title"], "Essay");
    let first = &rubric["data"][0];
    assert_eq!(
        first["description"], "First",
        "criteria order by index value, descriptions stripped"
    );
    assert_eq!(first["id"], "keep_me");
    assert_eq!(first["criterion_use_range"], true);
    assert_eq!(
        first["points"],
        json!(5.0),
        "points come from the highest rating"
    );
    assert_eq!(first["long_description"], "a &lt; b<br/>\r\nnext");
    let ratings: Vec<(&str, f64)> = first["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["description"].as_str().unwrap(),
                r["points"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ratings,
        [("No Description", 5.0), ("Low", 1.0), ("Bad", 0.0)]
    );
    assert_eq!(first["ratings"][0]["criterion_id"], "keep_me");
    let generated = first["ratings"][0]["id"].as_str().unwrap();
    let prefix = format!("{}_", rubric["id"]);
    assert!(generated.starts_with(&prefix), "{generated}");
    assert_eq!(rubric["points_possible"], json!(7.0));
    assert_eq!(rubric["criteria"], rubric["data"]);
    assert_eq!(body["rubric_association"]["association_type"], "Course");
    assert_eq!(body["rubric_association"]["bookmarked"], true);
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "description",
            "long_description",
            "points",
            "id",
            "criterion_use_range",
            "ratings"
        ]
    );
}

#[test]
fn html_in_output_is_escaped_as_canvas_escapes_json() {
    let server = Server::demo();
    let (status, _) = create(&server, "rubric[title]=%3Cb%3E+%26+co");
    assert_eq!(status, 200);
    let text = server
        .get("/api/v1/courses/1/rubrics?per_page=100", Some(TEACHER))
        .text()
        .unwrap();
    assert!(
        text.contains(r#""title":"\u003cb\u003e \u0026 co""#),
        "{text}"
    );
}

#[test]
fn criteria_or_ratings_sent_as_arrays_or_numeric_ids_are_400_naming_the_parameter() {
    let server = Server::demo();
    let array = json!({"rubric": {"title": "T", "criteria": [{"description": "x", "ratings": {"0": {"points": 1}}}]},
                       "rubric_association": {"association_type": "Course", "association_id": 1, "purpose": "bookmark"}});
    let (status, body) =
        read(server.json("POST", "/api/v1/courses/1/rubrics", Some(TEACHER), &array));
    assert_eq!(status, 400);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("rubric[criteria] must be a hash keyed by index"));
    let (status, body) = create(
        &server,
        "rubric[title]=T&rubric[criteria][0][description]=x&rubric[criteria][0][ratings][]=1",
    );
    assert_eq!(status, 400);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("rubric[criteria][0][ratings] must be a hash keyed by index"));
    let numeric_id =
        json!({"rubric": {"criteria": {"0": {"id": 5, "ratings": {"0": {"points": 1}}}}}});
    let (status, body) = read(server.json(
        "POST",
        "/api/v1/courses/1/rubrics",
        Some(TEACHER),
        &numeric_id,
    ));
    assert_eq!(status, 400);
    assert_eq!(
        body["errors"][0]["message"],
        "rubric[criteria][0][id] must be a string"
    );
    let (_, list) = read(server.get("/api/v1/courses/1/rubrics", Some(TEACHER)));
    assert_eq!(list.as_array().unwrap().len(), 1, "nothing was stored");
}

#[test]
fn a_criterion_sent_without_ratings_is_stored_with_none_and_zero_points() {
    let server = Server::demo();
    let (status, body) = create(
        &server,
        "rubric[title]=Bare&rubric[criteria][0][description]=Thesis&rubric[criteria][1][description]=Style&rubric[criteria][1][ratings][0][points]=4",
    );
    assert_eq!(status, 200, "{body}");
    let id = body["rubric"]["id"].as_i64().unwrap();
    let (_, stored) = read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(stored["data"][0]["description"], "Thesis");
    assert_eq!(stored["data"][0]["ratings"], json!([]));
    assert_eq!(stored["data"][0]["points"], json!(0));
    assert_eq!(stored["points_possible"], json!(4.0));
}

#[test]
fn a_rubric_used_only_for_grading_is_found_in_its_course_until_its_last_use_goes() {
    let server = Server::demo();
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubrics",
        Some(TEACHER),
        "rubric[title]=Graded+only&rubric[criteria][0][description]=C&rubric[criteria][0][ratings][0][points]=2&rubric_association[association_type]=Assignment&rubric_association[association_id]=2&rubric_association[purpose]=grading&rubric_association[use_for_grading]=1",
    ));
    assert_eq!(status, 200, "{body}");
    let id = body["rubric"]["id"].as_i64().unwrap();
    assert_eq!(
        body["rubric_association"]["bookmarked"], true,
        "Canvas's column default"
    );
    let (status, found) =
        read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(
        (status, found["title"].as_str()),
        (200, Some("Graded only"))
    );
    let association = body["rubric_association"]["id"].as_i64().unwrap();
    let (status, _) = read(server.delete(
        &format!("/api/v1/courses/1/rubric_associations/{association}"),
        Some(TEACHER),
    ));
    assert_eq!(status, 200);
    let (status, _) = read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(
        status, 404,
        "its last use in the course went, and no bookmark kept it"
    );
}

#[test]
fn free_form_comments_are_true_only_for_the_string_one() {
    let server = Server::demo();
    for (value, expected) in [("1", true), ("true", false), ("0", false)] {
        let (_, body) = create(
            &server,
            &format!("rubric[title]=F{value}&rubric[free_form_criterion_comments]={value}"),
        );
        assert_eq!(
            body["rubric"]["free_form_criterion_comments"], expected,
            "{value}"
        );
    }
}

#[test]
fn duplicate_titles_get_a_counter_and_long_titles_the_canvas_200_error() {
    let server = Server::demo();
    let (_, a) = create(&server, "rubric[title]=Lab+Report");
    assert_eq!(a["rubric"]["title"], "Lab Report (1)");
    let (_, b) = create(&server, "rubric[title]=Lab+Report");
    assert_eq!(b["rubric"]["title"], "Lab Report (2)");
    let (status, body) = create(&server, &format!("rubric[title]={}", "x".repeat(256)));
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"error": true, "messages": ["Title is too long (maximum is 255 characters)"]})
    );
    let (_, list) = read(server.get("/api/v1/courses/1/rubrics", Some(TEACHER)));
    assert_eq!(list.as_array().unwrap().len(), 3);
}

#[test]
fn put_is_a_full_replacement() {
    let server = Server::demo();
    let (_, created) = create(&server, "rubric[title]=Temp&rubric[criteria][0][description]=A&rubric[criteria][0][ratings][0][points]=3");
    let id = created["rubric"]["id"].as_i64().unwrap();
    let (status, updated) = read(server.form(
        "PUT",
        &format!("/api/v1/courses/1/rubrics/{id}"),
        Some(TEACHER),
        "rubric[title]=Renamed",
    ));
    assert_eq!(status, 200);
    assert_eq!(updated["rubric"]["id"], id);
    assert_eq!(updated["rubric"]["data"], json!([]));
    assert_eq!(updated["rubric"]["points_possible"], json!(0.0));
    let (_, renamed) = read(server.form(
        "PUT",
        &format!("/api/v1/courses/1/rubrics/{id}"),
        Some(TEACHER),
        "rubric[points_possible]=1",
    ));
    assert_eq!(
        renamed["rubric"]["title"], "Biology 101 Rubric",
        "an omitted title becomes the context's"
    );
}

/// The demo, with its rubric grading a second assignment (it grades assignment 1 already).
fn demo_rubric_grading_twice() -> Server {
    let server = Server::demo();
    let (status, _) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations",
        Some(TEACHER),
        "rubric_association[rubric_id]=1&rubric_association[association_type]=Assignment&rubric_association[association_id]=2&rubric_association[purpose]=grading&rubric_association[use_for_grading]=1",
    ));
    assert_eq!(status, 200);
    server
}

#[test]
fn updating_a_rubric_graded_in_two_places_copies_it() {
    let server = demo_rubric_grading_twice();
    let (status, body) = read(server.form(
        "PUT",
        "/api/v1/courses/1/rubrics/1",
        Some(TEACHER),
        "rubric[title]=Lab+Report+v2&rubric[criteria][0][description]=Only&rubric[criteria][0][ratings][0][points]=5&rubric_association_id=2",
    ));
    assert_eq!(status, 200, "{body}");
    let copy = body["rubric"]["id"].as_i64().unwrap();
    assert_ne!(copy, 1, "a new rubric");
    assert_eq!(body["rubric"]["rubric_id"], 1);
    let (_, original) = read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER)));
    assert_eq!(original["title"], "Lab Report", "the original is untouched");
}

#[test]
fn an_update_that_changes_no_title_description_or_points_keeps_a_rubric_graded_twice_in_place() {
    let server = demo_rubric_grading_twice();
    let (_, stored) = read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER)));
    // The same title, descriptions and points; new long descriptions and rating names.
    let criteria: serde_json::Map<String, Value> = stored["data"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(c, criterion)| {
            let ratings: serde_json::Map<String, Value> = criterion["ratings"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(r, rating)| {
                    let fields = json!({
                        "description": format!("Renamed {r}"),
                        "points": rating["points"].to_string(),
                    });
                    (r.to_string(), fields)
                })
                .collect();
            let fields = json!({
                "description": criterion["description"],
                "long_description": "Explained again",
                "ratings": ratings,
            });
            (c.to_string(), fields)
        })
        .collect();
    let body = json!({"rubric": {"title": stored["title"], "criteria": criteria}, "rubric_association_id": "2"});
    let form = rubric_core::params::encode(body.as_object().unwrap()).unwrap();
    let (status, updated) =
        read(server.form("PUT", "/api/v1/courses/1/rubrics/1", Some(TEACHER), &form));
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["rubric"]["id"], 1, "updated in place, not copied");
    assert_eq!(
        updated["rubric"]["data"][0]["long_description"],
        "Explained again"
    );
    assert_eq!(
        updated["rubric"]["data"][0]["ratings"][0]["description"],
        "Renamed 0"
    );
}

#[test]
fn delete_soft_deletes_and_later_reads_are_404() {
    let server = Server::demo();
    let (_, created) = create(&server, "rubric[title]=Gone");
    let id = created["rubric"]["id"].as_i64().unwrap();
    let (status, body) =
        read(server.delete(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(status, 200);
    assert_eq!(body["rubric"]["workflow_state"], "deleted");
    let (status, body) =
        read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(
        (status, body),
        (404, json!({"message": "Rubric not found"}))
    );
    let (status, _) =
        read(server.delete(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(status, 404);
    let (status, _) = read(server.delete("/api/v1/courses/1/rubrics/1", Some(STUDENT)));
    assert_eq!(status, 401);
}

#[test]
fn index_paginates_with_canvas_link_headers() {
    let server = Server::demo();
    for i in 0..6 {
        create(&server, &format!("rubric[title]=R{i}"));
    }
    let response = server.get(
        "/api/v1/courses/1/rubrics?per_page=3&include[]=x",
        Some(TEACHER),
    );
    let link = response.headers()["link"].to_str().unwrap().to_string();
    let host = server.base.trim_start_matches("http://");
    let url = |page: u32| {
        format!("<http://{host}/api/v1/courses/1/rubrics?include%5B%5D=x&page={page}&per_page=3>")
    };
    assert_eq!(
        link,
        format!(
            "{}; rel=\"current\",{}; rel=\"next\",{}; rel=\"first\",{}; rel=\"last\"",
            url(1),
            url(2),
            url(1),
            url(3)
        )
    );
    assert_eq!(read(response).1.as_array().unwrap().len(), 3);
    let response = server.get("/api/v1/courses/1/rubrics?per_page=3&page=3", Some(TEACHER));
    let link = response.headers()["link"].to_str().unwrap().to_string();
    assert!(link.contains("rel=\"prev\"") && !link.contains("rel=\"next\""));
    assert_eq!(read(response).1.as_array().unwrap().len(), 1);
    let (_, past) = read(server.get("/api/v1/courses/1/rubrics?per_page=3&page=9", Some(TEACHER)));
    assert_eq!(past, json!([]));
    let (_, clamped) = read(server.get("/api/v1/courses/1/rubrics?per_page=0", Some(TEACHER)));
    assert_eq!(
        clamped.as_array().unwrap().len(),
        1,
        "per_page 0 is clamped to 1"
    );
    let (status, _) = read(server.get("/api/v1/courses/1/rubrics?page=0", Some(TEACHER)));
    assert_eq!(status, 400);
    let (status, _) = read(server.get("/api/v1/courses/1/rubrics", Some(STUDENT)));
    assert_eq!(status, 401, "students cannot list rubrics");
}

#[test]
fn show_validates_include_and_style_and_returns_exactly_the_api_fields() {
    let server = Server::demo();
    let (status, body) = read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER)));
    assert_eq!(status, 200);
    let mut keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "context_id",
            "context_type",
            "data",
            "free_form_criterion_comments",
            "hide_score_total",
            "id",
            "points_possible",
            "public",
            "read_only",
            "reusable",
            "title"
        ]
    );
    let (status, body) = read(server.get("/api/v1/courses/1/rubrics/1?style=bad", Some(TEACHER)));
    assert_eq!(status, 400);
    assert_eq!(
        body["errors"]["style"][0]["message"],
        "invalid style requested. Must be one of the following: full, comments_only"
    );
    let (status, body) = read(server.get(
        "/api/v1/courses/1/rubrics/1?include[]=associations&include[]=course_associations",
        Some(TEACHER),
    ));
    assert_eq!(status, 400);
    assert_eq!(
        body["errors"]["include"][0]["message"],
        "cannot list multiple association includes. Multiple given: associations, course_associations"
    );
    let (status, _) = read(server.get("/api/v1/courses/1/rubrics/1?style=full", Some(TEACHER)));
    assert_eq!(status, 400, "style without an assessment include");
    let (status, body) = read(server.get(
        "/api/v1/courses/1/rubrics/99?include[]=nonsense",
        Some(TEACHER),
    ));
    assert_eq!(
        (status, body),
        (404, json!({"message": "Rubric not found"})),
        "a missing rubric wins over bad args"
    );
    let (_, body) = read(server.get(
        "/api/v1/courses/1/rubrics/1?include[]=assignment_associations",
        Some(TEACHER),
    ));
    assert_eq!(body["associations"].as_array().unwrap().len(), 1);
    assert_eq!(body["associations"][0]["association_type"], "Assignment");
}

#[test]
fn used_locations_group_assignments_by_course() {
    let server = Server::demo();
    let (status, body) =
        read(server.get("/api/v1/courses/1/rubrics/1/used_locations", Some(TEACHER)));
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!([{"id": 1, "name": "Biology 101", "concluded?": false, "assignments": [{"id": 1, "title": "Lab Report 1"}]}])
    );
    let (status, _) =
        read(server.get("/api/v1/courses/1/rubrics/42/used_locations", Some(TEACHER)));
    assert_eq!(status, 404);
}

#[test]
fn account_admins_list_account_rubrics() {
    let server = Server::demo();
    let (status, body) = read(server.get("/api/v1/accounts/1/rubrics", Some(ADMIN)));
    assert_eq!((status, body), (200, json!([])));
    let (status, _) = read(server.get("/api/v1/accounts/1/rubrics", Some(TEACHER)));
    assert_eq!(status, 401);
}
