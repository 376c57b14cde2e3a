//! Malformed and hostile input: always a clear 4xx, never a 5xx, and the data unchanged.
mod common;

use common::{read, Server, ADMIN, TEACHER};

/// Everything a client can read back, to prove a bad request changed nothing.
fn snapshot(server: &Server) -> String {
    let rubrics = server
        .get("/api/v1/courses/1/rubrics?per_page=100", Some(TEACHER))
        .text()
        .unwrap();
    let scale = server
        .get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN))
        .text()
        .unwrap();
    let rubric = server
        .get(
            "/api/v1/courses/1/rubrics/1?include[]=associations",
            Some(TEACHER),
        )
        .text()
        .unwrap();
    format!("{rubrics}\n{scale}\n{rubric}")
}

fn assert_rejected(
    server: &Server,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
    expect: u16,
    says: &str,
) {
    let (status, body) = read(server.raw(method, path, Some(ADMIN), content_type, body.to_vec()));
    assert_eq!(status, expect, "{path}: {body}");
    let message = body.to_string();
    assert!(
        message.contains(says),
        "{path}: expected {says:?} in {message}"
    );
}

const FORM: &str = "application/x-www-form-urlencoded";

#[test]
fn broken_encodings_are_400_and_change_nothing() {
    let server = Server::demo();
    let before = snapshot(&server);
    let scale = "/api/v1/accounts/1/outcome_proficiency";
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings[][description]=%zz",
        400,
        "invalid %-encoding",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings[][description]=%FF%FE",
        400,
        "not valid UTF-8",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings=x&ratings[]=y",
        400,
        "expected Array (got String)",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        "application/json",
        b"{\"ratings\": [",
        400,
        "not valid JSON",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        "application/json",
        b"[1,2]",
        400,
        "must be an object",
    );
    assert_rejected(
        &server,
        "POST",
        "/api/v1/courses/1/rubrics",
        FORM,
        b"rubric=%",
        400,
        "invalid %-encoding",
    );
    assert_rejected(
        &server,
        "GET",
        "/api/v1/courses/1/rubrics?per_page=%zz",
        FORM,
        b"",
        400,
        "Invalid query string",
    );
    assert_eq!(before, snapshot(&server));
}

#[test]
fn huge_bodies_and_deep_brackets_are_refused() {
    let server = Server::demo();
    let before = snapshot(&server);
    let huge = format!("ratings[][description]={}", "a".repeat(2 << 20));
    assert_rejected(
        &server,
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        FORM,
        huge.as_bytes(),
        413,
        "larger than",
    );
    let deep = format!("rubric{}=1", "[a]".repeat(200));
    assert_rejected(
        &server,
        "POST",
        "/api/v1/courses/1/rubrics",
        FORM,
        deep.as_bytes(),
        400,
        "nested more than 32 levels",
    );
    let deep_json = format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300));
    assert_rejected(
        &server,
        "POST",
        "/api/v1/courses/1/rubrics",
        "application/json",
        deep_json.as_bytes(),
        400,
        "not valid JSON",
    );
    assert_eq!(before, snapshot(&server));
}

#[test]
fn wrong_types_are_400_naming_the_parameter() {
    let server = Server::demo();
    let before = snapshot(&server);
    let scale = "/api/v1/accounts/1/outcome_proficiency";
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings=flat",
        400,
        "ratings must be a list",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings[][description][x]=1&ratings[][points]=1",
        400,
        "ratings[0][description] must be a single value",
    );
    assert_rejected(
        &server,
        "POST",
        scale,
        FORM,
        b"ratings[]=flat",
        400,
        "ratings[0] must be a hash",
    );
    let rubrics = "/api/v1/courses/1/rubrics";
    assert_rejected(
        &server,
        "POST",
        rubrics,
        FORM,
        b"rubric=flat",
        400,
        "rubric must be a hash",
    );
    assert_rejected(
        &server,
        "POST",
        rubrics,
        FORM,
        b"rubric[criteria][0]=x",
        400,
        "rubric[criteria][0] must be a hash",
    );
    assert_rejected(
        &server,
        "POST",
        rubrics,
        FORM,
        b"rubric[criteria][0][ratings][]=1",
        400,
        "must be a hash keyed by index",
    );
    assert_rejected(
        &server,
        "POST",
        rubrics,
        FORM,
        b"rubric[title][x]=1",
        400,
        "rubric[title] must be a string",
    );
    assert_rejected(
        &server,
        "POST",
        rubrics,
        FORM,
        b"rubric_association=1",
        400,
        "rubric_association must be a hash",
    );
    assert_rejected(
        &server,
        "GET",
        "/api/v1/courses/abc/rubrics",
        FORM,
        b"",
        404,
        "does not exist",
    );
    assert_rejected(
        &server,
        "PUT",
        "/api/v1/courses/1/rubric_associations/x",
        FORM,
        b"",
        404,
        "does not exist",
    );
    assert_eq!(before, snapshot(&server));
}

#[test]
fn sql_and_html_metacharacters_are_stored_verbatim() {
    let server = Server::demo();
    let title = "Robert'); DROP TABLE rubrics;-- <script>alert(1)</script>";
    let body = format!(
        "rubric[title]={}&rubric_association[association_type]=Course&rubric_association[association_id]=1&rubric_association[purpose]=bookmark",
        title.replace(' ', "+").replace(';', "%3B").replace('<', "%3C").replace('>', "%3E").replace('(', "%28").replace(')', "%29").replace('\'', "%27")
    );
    let (status, created) =
        read(server.form("POST", "/api/v1/courses/1/rubrics", Some(TEACHER), &body));
    assert_eq!(status, 200);
    assert_eq!(created["rubric"]["title"], title);
    let text = server
        .get("/api/v1/courses/1/rubrics?per_page=100", Some(TEACHER))
        .text()
        .unwrap();
    assert!(
        text.contains("\\u003cscript\\u003e"),
        "HTML is escaped in JSON output"
    );
    assert!(!text.contains("<script>"));
    let (_, list) = read(server.get("/api/v1/courses/1/rubrics?per_page=100", Some(TEACHER)));
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the rubrics table is intact"
    );
}

/// A small deterministic generator, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_bracket_bodies_never_cause_a_server_error() {
    let server = Server::demo();
    let mut rng = Rng(0x5EED_1234_ABCD);
    let pieces: [&[u8]; 16] = [
        b"ratings",
        b"rubric",
        b"[criteria]",
        b"[0]",
        b"[ratings]",
        b"[]",
        b"[points]",
        b"[description]",
        b"=",
        b"&",
        b"%",
        b"%41",
        b"x",
        b"[",
        b"]",
        b"\xff",
    ];
    let paths = [
        "/api/v1/accounts/1/outcome_proficiency",
        "/api/v1/courses/1/rubrics",
        "/api/v1/courses/1/rubric_associations/2/rubric_assessments",
        "/api/v1/courses/1/rubric_associations",
    ];
    for round in 0..300 {
        let length = (rng.next() % 24) as usize;
        let body: Vec<u8> = (0..length)
            .flat_map(|_| pieces[(rng.next() % 16) as usize].to_vec())
            .collect();
        let path = paths[round % paths.len()];
        let response = server.raw("POST", path, Some(ADMIN), FORM, body.clone());
        let status = response.status().as_u16();
        assert!(
            status < 500,
            "{path} {:?} gave {status}: {}",
            String::from_utf8_lossy(&body),
            response.text().unwrap()
        );
    }
}

#[test]
fn a_body_that_cannot_be_read_is_a_400_not_a_413() {
    use std::io::{Read, Write};
    let server = Server::demo();
    let before = snapshot(&server);
    let address = server.base.trim_start_matches("http://").to_string();
    let mut socket = std::net::TcpStream::connect(address).unwrap();
    // A chunked body whose second chunk size is not hexadecimal: small, but unreadable.
    write!(
        socket,
        "POST /api/v1/accounts/1/outcome_proficiency HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ADMIN}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n\
         5\r\nratin\r\nzz\r\n"
    )
    .unwrap();
    socket.shutdown(std::net::Shutdown::Write).unwrap();
    let mut answer = String::new();
    socket.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("could not be read"), "{answer}");
    assert_eq!(before, snapshot(&server));
}
