//! The server under structure-aware random requests: bracket-parameter and JSON bodies built
//! from the parameter names of every endpoint, sent to every route with every kind of caller.
//! No request may crash the server or get a 500 (where Canvas itself answers 500 for malformed
//! input, the server answers 400), and nothing stored afterwards may break the rules of
//! `rubric-core`. `FUZZ_CASES` sets the number of requests (a few hundred here; thousands in
//! `scripts/fuzz-server`).
mod common;

use common::{Server, ADMIN, STUDENT, TEACHER};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rubric_core::edit::{KeyGen, ScaleDoc};
use rubric_core::validate::check_rubric_record;
use rubric_core::{Proficiency, Rubric};
use serde_json::Value;

/// Parameter names the endpoints read, and a few they do not.
const NAMES: &[&str] = &[
    "rubric",
    "rubric_association",
    "rubric_assessment",
    "ratings",
    "criteria",
    "title",
    "description",
    "long_description",
    "points",
    "id",
    "criterion_use_range",
    "learning_outcome_id",
    "mastery_points",
    "ignore_for_scoring",
    "free_form_criterion_comments",
    "hide_score_total",
    "hide_points",
    "hide_outcome_results",
    "workflow_state",
    "association_type",
    "association_id",
    "purpose",
    "use_for_grading",
    "rubric_id",
    "user_id",
    "assessment_type",
    "criterion_c1",
    "criterion_1_1",
    "comments",
    "save_comment",
    "rating_id",
    "mastery",
    "color",
    "skip_updating_points_possible",
    "bookmarked",
    "include",
    "style",
    "rubric_association_id",
    "per_page",
    "page",
    "0",
    "1",
    "2",
    "10",
    "-1",
    "x",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => proptest::sample::select(NAMES).prop_map(str::to_string),
        1 => "\\PC{0,8}",
    ]
}

/// A bracket key: `rubric[criteria][0][ratings][][points]` and the like, well or badly formed.
fn key() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        6 => name().prop_map(|n| format!("[{n}]")),
        2 => Just("[]".to_string()),
        1 => Just("[".to_string()),
        1 => Just("]".to_string()),
    ];
    (name(), proptest::collection::vec(segment, 0..6))
        .prop_map(|(head, rest)| format!("{head}{}", rest.concat()))
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(&[
            "", "0", "1", "-1", "2.5", "1e308", "-0", "NaN", "Infinity", "true", "false", "null",
            "grading", "bookmark", "peer_review", "self_assessment", "Course", "Assignment",
            "Account", "c1", "blank", "008EE2", "#00AC18", "1,5", " 3 ", "99999999999999999999",
        ][..]).prop_map(str::to_string),
        2 => "\\PC{0,30}",
        1 => Just("x".repeat(300)),
    ]
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A form body; keys sometimes sent with raw brackets, as browsers do not always encode them.
fn form() -> impl Strategy<Value = String> {
    proptest::collection::vec((key(), scalar(), any::<bool>()), 0..14).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v, raw)| {
                let k = if raw {
                    k.replace(' ', "+")
                } else {
                    percent(&k)
                };
                format!("{k}={}", percent(&v))
            })
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        scalar().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((name(), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// A value a valid request would carry in that place, or anything.
fn plausible() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u32..20).prop_map(|n| n.to_string()),
        1 => (0u32..2000).prop_map(|n| format!("{}.{}", n / 100, n % 100)),
        2 => scalar(),
    ]
}

type Pairs = Vec<(String, String)>;

fn rubric_form() -> impl Strategy<Value = Pairs> {
    (
        plausible(),
        plausible(),
        plausible(),
        plausible(),
        plausible(),
    )
        .prop_map(|(title, d, p0, p1, range)| {
            vec![
                ("rubric[title]".to_string(), title),
                ("rubric[criteria][0][description]".into(), d.clone()),
                ("rubric[criteria][0][criterion_use_range]".into(), range),
                ("rubric[criteria][0][ratings][0][description]".into(), d),
                ("rubric[criteria][0][ratings][0][points]".into(), p0),
                ("rubric[criteria][0][ratings][1][points]".into(), p1),
                (
                    "rubric_association[association_type]".into(),
                    "Course".into(),
                ),
                ("rubric_association[association_id]".into(), "1".into()),
                ("rubric_association[purpose]".into(), "bookmark".into()),
            ]
        })
}

fn scale_form() -> impl Strategy<Value = Pairs> {
    proptest::collection::vec((plausible(), plausible(), plausible(), plausible()), 1..5).prop_map(
        |levels| {
            levels
                .into_iter()
                .enumerate()
                .flat_map(|(i, (d, p, m, c))| {
                    let mastery = if m.len() % 2 == 0 {
                        (i == 0).to_string()
                    } else {
                        m
                    };
                    let color = if c.len() % 2 == 0 {
                        "00AC18".to_string()
                    } else {
                        c
                    };
                    [
                        ("ratings[][description]".to_string(), d),
                        ("ratings[][points]".into(), p),
                        ("ratings[][mastery]".into(), mastery),
                        ("ratings[][color]".into(), color),
                    ]
                })
                .collect()
        },
    )
}

fn association_form() -> impl Strategy<Value = Pairs> {
    (0usize..3, 1u32..4, plausible(), plausible()).prop_map(|(kind, id, rubric, grading)| {
        vec![
            ("rubric_association[rubric_id]".to_string(), rubric),
            (
                "rubric_association[association_type]".into(),
                ["Assignment", "Course", "Account"][kind].into(),
            ),
            ("rubric_association[association_id]".into(), id.to_string()),
            ("rubric_association[purpose]".into(), "grading".into()),
            ("rubric_association[use_for_grading]".into(), grading),
        ]
    })
}

fn assessment_form() -> impl Strategy<Value = Pairs> {
    (plausible(), plausible(), plausible(), plausible()).prop_map(
        |(user, criterion, points, comments)| {
            vec![
                ("rubric_assessment[user_id]".to_string(), user),
                (
                    "rubric_assessment[assessment_type]".into(),
                    "grading".into(),
                ),
                (
                    format!("rubric_assessment[criterion_{criterion}][points]"),
                    points,
                ),
                (
                    format!("rubric_assessment[criterion_{criterion}][comments]"),
                    comments,
                ),
            ]
        },
    )
}

/// `pairs` with some parameters dropped or repeated, form-encoded.
fn mutated(pairs: impl Strategy<Value = Pairs>) -> impl Strategy<Value = String> {
    (pairs, proptest::collection::vec(0u8..10, 24)).prop_map(|(pairs, dice)| {
        pairs
            .into_iter()
            .zip(dice.into_iter().cycle())
            .flat_map(|((k, v), die)| match die {
                0 => vec![],
                1 => vec![(k.clone(), v.clone()), (k, v)],
                _ => vec![(k, v)],
            })
            .map(|(k, v)| format!("{}={}", percent(&k), percent(&v)))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// A request shaped like a valid create or update of each resource, by a caller who may make
/// it, with values drawn at random and parameters dropped or repeated: it gets past the first
/// checks into the writes.
fn aligned() -> impl Strategy<Value = Request> {
    let rubric = (
        prop_oneof![Just(None), (1u32..4).prop_map(Some)],
        mutated(rubric_form()),
    )
        .prop_map(|(id, form)| match id {
            None => (
                ("POST", "/api/v1/courses/1/rubrics".to_string()),
                Some(TEACHER),
                Body::Form(form),
            ),
            Some(id) => (
                ("PUT", format!("/api/v1/courses/1/rubrics/{id}")),
                Some(TEACHER),
                Body::Form(form),
            ),
        });
    let scale = (
        proptest::sample::select(&["accounts/1", "accounts/2", "courses/1"][..]),
        mutated(scale_form()),
    )
        .prop_map(|(context, form)| {
            (
                ("POST", format!("/api/v1/{context}/outcome_proficiency")),
                Some(ADMIN),
                Body::Form(form),
            )
        });
    let association = mutated(association_form()).prop_map(|form| {
        (
            ("POST", "/api/v1/courses/1/rubric_associations".to_string()),
            Some(TEACHER),
            Body::Form(form),
        )
    });
    let assessment = (1u32..3, mutated(assessment_form())).prop_map(|(association, form)| {
        let path =
            format!("/api/v1/courses/1/rubric_associations/{association}/rubric_assessments");
        (("POST", path), Some(TEACHER), Body::Form(form))
    });
    prop_oneof![rubric, scale, association, assessment]
}

/// A method and path, a caller's token and a body.
type Request = ((&'static str, String), Option<&'static str>, Body);

#[derive(Clone, Debug)]
enum Body {
    None,
    Form(String),
    Json(Value),
    Bytes(Vec<u8>),
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        1 => Just(Body::None),
        6 => form().prop_map(Body::Form),
        3 => json().prop_map(Body::Json),
        1 => proptest::collection::vec(any::<u8>(), 0..64).prop_map(Body::Bytes),
    ]
}

/// Every route, with the ids of the demo data and some that do not exist.
fn route() -> impl Strategy<Value = (&'static str, String)> {
    let context = proptest::sample::select(
        &[
            "courses/1",
            "accounts/1",
            "accounts/2",
            "courses/999",
            "courses/x",
        ][..],
    );
    let id = proptest::sample::select(&["1", "2", "3", "999", "abc", "-1"][..]);
    (0..12usize, context, id.clone(), id).prop_map(|(which, context, a, b)| match which {
        0 => ("GET", format!("/api/v1/{context}/rubrics")),
        1 => ("POST", format!("/api/v1/{context}/rubrics")),
        2 => ("GET", format!("/api/v1/{context}/rubrics/{a}")),
        3 => ("PUT", format!("/api/v1/{context}/rubrics/{a}")),
        4 => ("DELETE", format!("/api/v1/{context}/rubrics/{a}")),
        5 => ("GET", format!("/api/v1/{context}/outcome_proficiency")),
        6 => ("POST", format!("/api/v1/{context}/outcome_proficiency")),
        7 => ("POST", "/api/v1/courses/1/rubric_associations".to_string()),
        8 => ("PUT", format!("/api/v1/courses/1/rubric_associations/{a}")),
        9 => (
            "DELETE",
            format!("/api/v1/courses/1/rubric_associations/{a}"),
        ),
        10 => (
            "POST",
            format!("/api/v1/courses/1/rubric_associations/{a}/rubric_assessments"),
        ),
        _ => (
            "PUT",
            format!("/api/v1/courses/1/rubric_associations/{a}/rubric_assessments/{b}"),
        ),
    })
}

fn token() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        4 => Just(Some(TEACHER)),
        3 => Just(Some(ADMIN)),
        1 => Just(Some(STUDENT)),
        1 => Just(Some("not-a-token")),
        1 => Just(None),
    ]
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Every rubric, scale and assessment the server holds obeys the core's rules.
fn assert_stored_data_is_valid(server: &Server) {
    for context in ["courses/1", "accounts/1", "accounts/2"] {
        let list = server
            .get(
                &format!("/api/v1/{context}/rubrics?per_page=100"),
                Some(ADMIN),
            )
            .json::<Value>()
            .unwrap();
        for listed in list.as_array().into_iter().flatten() {
            let rubric: Rubric = serde_json::from_value(listed.clone())
                .unwrap_or_else(|e| panic!("a listed rubric reads as a rubric: {e}\n{listed}"));
            assert_eq!(check_rubric_record(&rubric), [], "rubric {listed}");
        }
        let scale = server.get(
            &format!("/api/v1/{context}/outcome_proficiency"),
            Some(ADMIN),
        );
        if scale.status() == 200 {
            let scale: Proficiency = scale.json().unwrap();
            let doc = ScaleDoc::from_proficiency(&scale, &mut KeyGen::default());
            assert_eq!(doc.validate(), [], "the scale of {context}");
        }
    }
    // Assessments have no listing of their own: read them where they are stored.
    let db = rusqlite::Connection::open(&server.db).unwrap();
    let mut rows = db
        .prepare("SELECT id, score, data FROM rubric_assessments")
        .unwrap();
    let assessments = rows
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<f64>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .unwrap();
    for assessment in assessments {
        let (id, score, data) = assessment.unwrap();
        assert!(
            score.is_none_or(f64::is_finite),
            "assessment {id} score {score:?}"
        );
        if let Some(data) = data {
            let data: Value = serde_json::from_str(&data).unwrap();
            assert!(data.is_array(), "assessment {id} data {data}");
        }
    }
}

#[test]
fn random_requests_never_crash_the_server_or_store_invalid_data() {
    let server = Server::demo();
    let client = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let statuses = std::cell::RefCell::new(std::collections::BTreeMap::<(String, u16), u32>::new());
    let request = prop_oneof![(route(), token(), body()), aligned()];
    let result = runner.run(&request, |((method, path), token, body)| {
        let mut request = client.request(method.parse().unwrap(), server.url(&path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request = match &body {
            Body::None => request,
            Body::Form(text) => request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(text.clone()),
            Body::Json(value) => request.json(value),
            Body::Bytes(bytes) => request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(bytes.clone()),
        };
        let response = request
            .send()
            .map_err(|e| TestCaseError::fail(format!("no answer (did the server crash?): {e}")))?;
        let status = response.status().as_u16();
        *statuses
            .borrow_mut()
            .entry((method.to_string(), status))
            .or_default() += 1;
        prop_assert!(
            status != 500,
            "{method} {path} {body:?}: 500 {}",
            response.text().unwrap_or_default()
        );
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let statuses = statuses.into_inner();
    eprintln!("answers by method and status: {statuses:?}");
    let accepted_writes: u32 = statuses
        .iter()
        .filter(|((method, status), _)| method != "GET" && (200..300).contains(status))
        .map(|(_, n)| n)
        .sum();
    assert!(
        accepted_writes > 0,
        "the generator reaches past validation into writes: {statuses:?}"
    );
    assert_stored_data_is_valid(&server);
}
