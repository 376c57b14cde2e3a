//! `rubric-server --addr 127.0.0.1:8080 --db PATH --demo --dist DIR [--no-default-scale]`
use std::path::PathBuf;
use std::process::ExitCode;

use rubric_server::Config;

const USAGE: &str = "usage: rubric-server [--addr HOST:PORT] [--db PATH|:memory:] [--demo] [--dist DIR] [--no-default-scale]";

fn parse(args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut config = Config {
        addr: "127.0.0.1:8080".parse().map_err(|e| format!("{e}"))?,
        db: "rubric-server.db".into(),
        demo: false,
        dist: None,
        default_scale: true,
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--addr" => {
                let v = value("--addr")?;
                config.addr = v
                    .parse()
                    .map_err(|_| format!("--addr {v:?} is not HOST:PORT"))?;
            }
            "--db" => config.db = value("--db")?,
            "--dist" => config.dist = Some(PathBuf::from(value("--dist")?)),
            "--demo" => config.demo = true,
            "--no-default-scale" => config.default_scale = false,
            "--help" | "-h" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match rubric_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rubric-server: {error}");
            ExitCode::FAILURE
        }
    }
}
