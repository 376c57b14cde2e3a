//! A real `rubric-server` process on a loopback port with a temporary database.
#![allow(dead_code)]
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use reqwest::blocking::{Client, Response};
use serde_json::Value;

pub const ADMIN: &str = "demo-admin-token";
pub const TEACHER: &str = "demo-teacher-token";
pub const STUDENT: &str = "demo-student-token";

pub struct Server {
    child: Child,
    pub base: String,
    pub db: PathBuf,
    _dir: Option<tempfile::TempDir>,
    client: Client,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// A fresh server with the demo data.
    pub fn demo() -> Server {
        Server::start_with(&["--demo"], None)
    }

    /// A server on `db` (a new temporary file when None) with extra arguments.
    pub fn start_with(extra: &[&str], db: Option<PathBuf>) -> Server {
        let (dir, db) = match db {
            Some(db) => (None, db),
            None => {
                let dir = tempfile::tempdir().unwrap();
                let db = dir.path().join("test.db");
                (Some(dir), db)
            }
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_rubric-server"))
            .args(["--addr", "127.0.0.1:0", "--db", db.to_str().unwrap()])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start rubric-server");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().expect("a first line").expect("readable");
        let base = first
            .strip_prefix("rubric-server listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .trim_end_matches('/')
            .to_string();
        std::thread::spawn(move || for _ in lines {});
        // The log stays visible in the test output and can be read with `log()`.
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                eprintln!("{line}");
                sink.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            base,
            db,
            _dir: dir,
            client: Client::builder()
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap(),
            log,
        }
    }

    /// The lines the server wrote to its log (stderr) so far.
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Waits up to 5 s for `count` log lines that satisfy `wanted` (a line reaches the log a
    /// moment after the answer it belongs to), and returns the log.
    pub fn wait_for_log(&self, count: usize, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        for _ in 0..200 {
            let log = self.log();
            if log.iter().filter(|line| wanted(line)).count() >= count {
                return log;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        self.log()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn with_token(
        &self,
        request: reqwest::blocking::RequestBuilder,
        token: Option<&str>,
    ) -> Response {
        let request = match token {
            Some(t) => request.header("Authorization", format!("Bearer {t}")),
            None => request,
        };
        request.send().expect("request")
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Response {
        self.with_token(self.client.get(self.url(path)), token)
    }

    pub fn form(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> Response {
        let request = self
            .client
            .request(method.parse().unwrap(), self.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_string());
        self.with_token(request, token)
    }

    pub fn raw(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: Vec<u8>,
    ) -> Response {
        let request = self
            .client
            .request(method.parse().unwrap(), self.url(path))
            .header("Content-Type", content_type)
            .body(body);
        self.with_token(request, token)
    }

    pub fn json(&self, method: &str, path: &str, token: Option<&str>, body: &Value) -> Response {
        let request = self
            .client
            .request(method.parse().unwrap(), self.url(path))
            .json(body);
        self.with_token(request, token)
    }

    pub fn delete(&self, path: &str, token: Option<&str>) -> Response {
        self.with_token(self.client.delete(self.url(path)), token)
    }

    pub fn multipart(
        &self,
        path: &str,
        token: Option<&str>,
        form: reqwest::blocking::multipart::Form,
    ) -> Response {
        self.with_token(self.client.post(self.url(path)).multipart(form), token)
    }

    /// Stops the process abruptly (SIGKILL).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Takes the temporary directory so the database outlives this server.
    pub fn keep_dir(&mut self) -> Option<tempfile::TempDir> {
        self._dir.take()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Status and JSON body.
pub fn read(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}
