//! Nothing is lost across a restart or a `kill -9` in the middle of writes.
mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use common::{read, Server, ADMIN, TEACHER};

#[test]
fn data_survives_a_restart() {
    let mut server = Server::demo();
    let body = "rubric[title]=Kept&rubric_association[association_type]=Course&rubric_association[association_id]=1&rubric_association[purpose]=bookmark";
    let (_, created) = read(server.form("POST", "/api/v1/courses/1/rubrics", Some(TEACHER), body));
    let scale = "ratings[][description]=Only&ratings[][points]=1&ratings[][mastery]=true&ratings[][color]=123456";
    server.form(
        "POST",
        "/api/v1/accounts/2/outcome_proficiency",
        Some(ADMIN),
        scale,
    );
    let keep = server.keep_dir();
    let db = server.db.clone();
    server.kill();
    let again = Server::start_with(&["--demo"], Some(db));
    let (status, rubric) = read(again.get(
        &format!("/api/v1/courses/1/rubrics/{}", created["rubric"]["id"]),
        Some(TEACHER),
    ));
    assert_eq!(status, 200);
    assert_eq!(rubric["title"], "Kept");
    let (_, sub) = read(again.get("/api/v1/accounts/2/outcome_proficiency", Some(ADMIN)));
    assert_eq!(sub["ratings"][0]["description"], "Only");
    let (_, list) = read(again.get("/api/v1/courses/1/rubrics", Some(TEACHER)));
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "--demo does not seed a second time"
    );
    drop(keep);
}

#[test]
fn every_acknowledged_write_survives_kill_minus_nine() {
    let mut server = Server::demo();
    let keep = server.keep_dir();
    let db = server.db.clone();
    let base = server.base.clone();
    let acknowledged = Arc::new(Mutex::new(Vec::<i64>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (base, acknowledged, stop) = (base.clone(), acknowledged.clone(), stop.clone());
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                for i in 0..10_000 {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let body = format!(
                        "rubric[title]=W{w}-{i}&rubric[criteria][0][description]=C&rubric[criteria][0][ratings][0][points]=1\
                         &rubric_association[association_type]=Course&rubric_association[association_id]=1&rubric_association[purpose]=bookmark"
                    );
                    let response = client
                        .post(format!("{base}/api/v1/courses/1/rubrics"))
                        .header("Authorization", "Bearer demo-teacher-token")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(body)
                        .send();
                    match response.and_then(|r| r.json::<serde_json::Value>()) {
                        Ok(json) => acknowledged.lock().unwrap().push(json["rubric"]["id"].as_i64().unwrap()),
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(400));
    server.kill();
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 5,
        "the writers got going: {}",
        acknowledged.len()
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let again = Server::start_with(&[], Some(db));
    for id in &acknowledged {
        let (status, rubric) =
            read(again.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
        assert_eq!(status, 200, "acknowledged rubric {id} is there");
        assert_eq!(
            rubric["data"][0]["ratings"].as_array().unwrap().len(),
            1,
            "and whole"
        );
    }
    drop(keep);
}

#[test]
fn a_stored_row_that_does_not_parse_is_a_500_with_a_log_line_and_is_never_overwritten() {
    let server = Server::demo();
    let db = rusqlite::Connection::open(&server.db).unwrap();
    db.execute("UPDATE rubrics SET data = '{not json' WHERE id = 1", [])
        .unwrap();
    let (status, body) = read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER)));
    assert_eq!(status, 500);
    assert_eq!(body["errors"][0]["error_code"], "internal_server_error");
    let (status, _) = read(server.form(
        "PUT",
        "/api/v1/courses/1/rubrics/1",
        Some(TEACHER),
        "rubric[title]=Overwritten&rubric[criteria][0][description]=C&rubric[criteria][0][ratings][0][points]=1",
    ));
    assert_eq!(status, 500, "a save over an unreadable rubric is refused");
    let (title, data): (String, String) = db
        .query_row("SELECT title, data FROM rubrics WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (title.as_str(), data.as_str()),
        ("Lab Report", "{not json"),
        "the stored row is left for repair"
    );
    db.execute(
        "UPDATE proficiencies SET ratings = '[' WHERE context_type = 'Account' AND context_id = 1",
        [],
    )
    .unwrap();
    let (status, _) = read(server.get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN)));
    assert_eq!(status, 500);
    let logged = |line: &str| line.starts_with("internal error:") && line.contains("index: ");
    let log = server.wait_for_log(3, logged);
    assert!(
        log.iter().filter(|line| logged(line)).count() >= 3,
        "each failure is logged with the column: {log:?}"
    );
}

/// What a writer learned from the server: the JSON of each write it got a 2xx for, and what it
/// had sent when the server died under it (that write may or may not have landed).
#[derive(Default)]
struct Writes {
    rubrics: Vec<serde_json::Value>,
    assessment: Option<serde_json::Value>,
    assessment_in_flight: Option<f64>,
}

/// Every field the two JSON objects both have is equal.
fn same_canvas_json(stored: &serde_json::Value, acknowledged: &serde_json::Value) -> bool {
    let (Some(stored), Some(acknowledged)) = (stored.as_object(), acknowledged.as_object()) else {
        return false;
    };
    let shared: Vec<&String> = stored
        .keys()
        .filter(|k| acknowledged.contains_key(*k))
        .collect();
    shared.len() >= 5 && shared.iter().all(|k| stored[*k] == acknowledged[*k])
}

#[test]
fn a_write_storm_killed_at_random_moments_keeps_every_acknowledged_write_byte_for_byte() {
    let mut server = Server::demo();
    let keep = server.keep_dir();
    let db = server.db.clone();
    let criterion = read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER))).1["data"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let writes = Arc::new(Mutex::new(Writes::default()));
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
        | 1;
    let mut random_ms = move |low: u64, high: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        low + seed % (high - low)
    };
    for round in 0..3 {
        let base = server.base.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let mut writers = Vec::new();
        for w in 0..4 {
            let (base, writes, stop) = (base.clone(), writes.clone(), stop.clone());
            writers.push(std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let body = format!(
                        "rubric[title]=R{round}-{w}-{i}&rubric[criteria][0][description]=C{i}\
                         &rubric[criteria][0][long_description]=line+%3Cone%3E%0Atwo\
                         &rubric[criteria][0][ratings][0][description]=Full&rubric[criteria][0][ratings][0][points]={i}.5\
                         &rubric[criteria][0][ratings][1][description]=None&rubric[criteria][0][ratings][1][points]=0\
                         &rubric_association[association_type]=Course&rubric_association[association_id]=1&rubric_association[purpose]=bookmark"
                    );
                    let answer = client
                        .post(format!("{base}/api/v1/courses/1/rubrics"))
                        .header("Authorization", "Bearer demo-teacher-token")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(body)
                        .send()
                        .and_then(|r| r.error_for_status())
                        .and_then(|r| r.json::<serde_json::Value>());
                    match answer {
                        Ok(json) => writes.lock().unwrap().rubrics.push(json["rubric"].clone()),
                        Err(_) => break,
                    }
                }
            }));
        }
        {
            let (base, writes, stop, criterion) = (
                base.clone(),
                writes.clone(),
                stop.clone(),
                criterion.clone(),
            );
            writers.push(std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let points = f64::from(i % 10) + 0.5;
                    writes.lock().unwrap().assessment_in_flight = Some(points);
                    let answer = client
                        .post(format!("{base}/api/v1/courses/1/rubric_associations/2/rubric_assessments"))
                        .header("Authorization", "Bearer demo-teacher-token")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(format!(
                            "rubric_assessment[user_id]=3&rubric_assessment[assessment_type]=grading\
                             &rubric_assessment[criterion_{criterion}][points]={points}\
                             &rubric_assessment[criterion_{criterion}][comments]=round+{round}+write+{i}"
                        ))
                        .send()
                        .and_then(|r| r.error_for_status())
                        .and_then(|r| r.json::<serde_json::Value>());
                    let mut writes = writes.lock().unwrap();
                    match answer {
                        Ok(json) => {
                            writes.assessment = Some(json);
                            writes.assessment_in_flight = None;
                        }
                        Err(_) => break,
                    }
                }
            }));
        }
        std::thread::sleep(std::time::Duration::from_millis(random_ms(150, 600)));
        server.kill();
        stop.store(true, Ordering::SeqCst);
        for writer in writers {
            writer.join().unwrap();
        }
        server = Server::start_with(&[], Some(db.clone()));
    }
    let writes = writes.lock().unwrap();
    assert!(
        writes.rubrics.len() > 20,
        "the storm got going: {}",
        writes.rubrics.len()
    );
    for acknowledged in &writes.rubrics {
        let id = &acknowledged["id"];
        let (status, stored) =
            read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
        assert_eq!(status, 200, "acknowledged rubric {id} is there");
        assert!(
            same_canvas_json(&stored, acknowledged),
            "rubric {id} as acknowledged:\n{acknowledged}\nas stored:\n{stored}"
        );
    }
    let (_, rubric) = read(server.get(
        "/api/v1/courses/1/rubrics/1?include[]=assessments&style=full",
        Some(TEACHER),
    ));
    let stored = &rubric["assessments"][0];
    let acknowledged = writes
        .assessment
        .as_ref()
        .expect("an assessment was acknowledged");
    let landed_in_flight = writes
        .assessment_in_flight
        .is_some_and(|points| stored["score"] == serde_json::json!(points));
    assert!(
        same_canvas_json(stored, acknowledged) || landed_in_flight,
        "the assessment as last acknowledged:\n{acknowledged}\nas stored:\n{stored}"
    );
    drop(keep);
}
