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
