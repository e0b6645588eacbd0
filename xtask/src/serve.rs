//! A small static file server for www/ with correct MIME types (application/wasm for .wasm).

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::thread::{self, JoinHandle};

use tiny_http::{Header, Response, Server};

use crate::build;
use crate::shell::root;

const DEFAULT_PORT: u16 = 8080;

/// The embedding demo is served under the strict policy a careful host would set: no inline script or
/// style, Wasm allowed to compile.
const EMBED_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// `cargo xtask serve [--port N]`: builds the playground and serves it until interrupted.
pub fn run(args: &[String]) -> Result<(), String> {
    let port = parse_port(args)?;
    build::release_web()?;
    let server = StaticServer::bind(port)?;
    println!(
        "\nEscalator playground: http://127.0.0.1:{}/",
        server.port()
    );
    println!(
        "Embedding demo (under a strict Content-Security-Policy): http://127.0.0.1:{}/embed/",
        server.port()
    );
    println!("(Ctrl+C to stop)");
    server.serve_forever();
    Ok(())
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(DEFAULT_PORT),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port takes a number from 0 to 65535, not {value:?}")),
        _ => Err(format!("serve takes only --port N, not {args:?}")),
    }
}

/// Serves files below www/ on 127.0.0.1.
pub struct StaticServer {
    server: Server,
    site: PathBuf,
}

impl StaticServer {
    /// Binds 127.0.0.1:port (port 0 picks a free one).
    pub fn bind(port: u16) -> Result<StaticServer, String> {
        let server = Server::http(("127.0.0.1", port))
            .map_err(|err| format!("cannot listen on 127.0.0.1:{port}: {err}"))?;
        Ok(StaticServer {
            server,
            site: root().join("www"),
        })
    }

    pub fn port(&self) -> u16 {
        self.server
            .server_addr()
            .to_ip()
            .map(|addr| addr.port())
            .unwrap_or(0)
    }

    /// Serves on a background thread; the thread ends when the process does.
    pub fn spawn(self) -> JoinHandle<()> {
        thread::spawn(move || self.serve_forever())
    }

    fn serve_forever(&self) {
        for request in self.server.incoming_requests() {
            let response = self.respond(request.url());
            let _ignored_client_gone = request.respond(response);
        }
    }

    fn respond(&self, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
        let path = url.split(['?', '#']).next().unwrap_or("/");
        if !path.ends_with('/') && self.site.join(path.trim_start_matches('/')).is_dir() {
            // A folder's page must be addressed with its slash, or its relative links point one level up.
            return match Header::from_bytes("Location", format!("{path}/")) {
                Ok(location) => Response::from_string("moved")
                    .with_status_code(301)
                    .with_header(location),
                Err(()) => Response::from_string("not found").with_status_code(404),
            };
        }
        let Some(file) = resolve(&self.site, path) else {
            return Response::from_string("not found").with_status_code(404);
        };
        match fs::read(&file) {
            Ok(bytes) => {
                let response = Response::from_data(bytes)
                    .with_header(header("Content-Type", mime_type(&file)))
                    .with_header(header("Cache-Control", "no-cache"));
                if path.starts_with("/embed/") {
                    response.with_header(header("Content-Security-Policy", EMBED_CSP))
                } else {
                    response
                }
            }
            Err(_) => Response::from_string("not found").with_status_code(404),
        }
    }
}

/// Maps a URL path to a file under `site`, refusing anything that climbs out of it.
fn resolve(site: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let candidate = site.join(relative);
    if candidate.is_dir() {
        Some(candidate.join("index.html"))
    } else {
        Some(candidate)
    }
}

fn mime_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &'static str, value: &'static str) -> Header {
    Header::from_bytes(name, value).expect("static header names and values are ASCII")
}
