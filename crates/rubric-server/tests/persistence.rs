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
