//! trunk's post_build hook. Two jobs on the staged build, before it becomes dist/:
//!
//! 1. trunk injects its loader as an inline `<script type="module">`; moving it to a hashed
//!    file lets the Content-Security-Policy allow scripts from 'self' only.
//! 2. The service worker's precache list and cache version are written from the files
//!    actually built, so the list can never drift from the build.
//! 3. The sync server's origin, named by `COBRANZA_SYNC_ORIGIN` when the app is built for an
//!    office that has one, is the one address besides the app's own that the page may reach
//!    (the policy's `connect-src`).
//! 4. Every text and wasm file gets a brotli (quality 11) and a gzip copy beside it, for a
//!    host to send to a browser that accepts them (`static_site`, nginx's `brotli_static` and
//!    `gzip_static`). The service worker's list names the files themselves, never the copies.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const SERVICE_WORKER: &str = "sw.js";
const VERSION_LINE: &str = "const VERSION = \"unbuilt\";";
const PRECACHE_LINE: &str = "const PRECACHE = [];";

pub fn from_trunk_env() -> Result<(), String> {
    let staging = std::env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "precache runs as trunk's post_build hook (TRUNK_STAGING_DIR unset)")?;
    let staging = PathBuf::from(staging);
    externalize_inline_scripts(&staging)?;
    if let Ok(origins) = std::env::var(SYNC_ORIGIN_VAR) {
        allow_sync_server(&staging, &origins)?;
    }
    write_service_worker(&staging)?;
    write_compressed(&staging)
}

const SYNC_ORIGIN_VAR: &str = "COBRANZA_SYNC_ORIGIN";
const CONNECT_SELF: &str = "connect-src 'self'";

fn allow_sync_server(staging: &Path, origins: &str) -> Result<(), String> {
    let index_path = staging.join("index.html");
    let html = fs::read_to_string(&index_path).map_err(|e| format!("index.html: {e}"))?;
    let allowed = with_sync_origins(&html, origins)?;
    fs::write(&index_path, allowed).map_err(|e| format!("index.html: {e}"))
}

/// `html` with `origins` (space-separated, each `scheme://host[:port]`) added to the
/// policy's `connect-src`.
fn with_sync_origins(html: &str, origins: &str) -> Result<String, String> {
    let mut listed = String::new();
    for origin in origins.split_whitespace() {
        let (scheme, rest) = origin.split_once("://").unwrap_or(("", ""));
        let fine = matches!(scheme, "http" | "https")
            && !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !fine {
            return Err(format!(
                "{SYNC_ORIGIN_VAR}: `{origin}` is not an origin such as https://couch.example.com"
            ));
        }
        listed.push(' ');
        listed.push_str(origin);
    }
    if !html.contains(CONNECT_SELF) {
        return Err(format!("index.html has no `{CONNECT_SELF}` to extend"));
    }
    Ok(html.replacen(CONNECT_SELF, &format!("{CONNECT_SELF}{listed}"), 1))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn externalize_inline_scripts(staging: &Path) -> Result<(), String> {
    let index_path = staging.join("index.html");
    let html = fs::read_to_string(&index_path).map_err(|e| format!("index.html: {e}"))?;
    let (html, scripts) = split_inline_scripts(&html);
    for (name, body) in scripts {
        fs::write(staging.join(name), body).map_err(|e| format!("loader script: {e}"))?;
    }
    fs::write(&index_path, html).map_err(|e| format!("index.html: {e}"))
}

/// Replaces each inline `<script …>body</script>` with `<script … src="/boot-HASH.js">`;
/// returns the new HTML and the files to write.
fn split_inline_scripts(html: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</script>").map(|i| open_end + i) else {
            break;
        };
        let open_tag = &rest[start..open_end];
        let body = &rest[open_end + 1..close];
        out.push_str(&rest[..start]);
        if open_tag.contains(" src=") || body.trim().is_empty() {
            out.push_str(&rest[start..close]);
        } else {
            let name = format!("boot-{}.js", &hex(&Sha256::digest(body.as_bytes()))[..16]);
            let _ = write!(out, "{open_tag} src=\"/{name}\">");
            files.push((name, body.to_owned()));
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    (out, files)
}

fn write_service_worker(staging: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(staging, staging, &mut files)?;
    files.retain(|path| path != SERVICE_WORKER);
    files.sort();
    let mut hasher = Sha256::new();
    for path in &files {
        hasher.update(path.as_bytes());
        hasher.update(fs::read(staging.join(path)).map_err(|e| format!("{path}: {e}"))?);
    }
    let version = &hex(&hasher.finalize())[..16];
    let list = files
        .iter()
        .map(|path| format!("\n  \"/{path}\","))
        .collect::<String>();

    let sw_path = staging.join(SERVICE_WORKER);
    let template = fs::read_to_string(&sw_path).map_err(|e| format!("{SERVICE_WORKER}: {e}"))?;
    if !template.contains(VERSION_LINE) || !template.contains(PRECACHE_LINE) {
        return Err(format!(
            "{SERVICE_WORKER} lacks `{VERSION_LINE}` or `{PRECACHE_LINE}`"
        ));
    }
    let worker = template
        .replace(VERSION_LINE, &format!("const VERSION = \"{version}\";"))
        .replace(PRECACHE_LINE, &format!("const PRECACHE = [{list}\n];"));
    fs::write(&sw_path, worker).map_err(|e| format!("{SERVICE_WORKER}: {e}"))?;
    println!("precache: {} files, version {version}", files.len());
    Ok(())
}

/// What compresses: text and wasm. Images already are.
const COMPRESSIBLE: [&str; 8] = [
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "webmanifest",
    "svg",
    "txt",
];

fn write_compressed(staging: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(staging, staging, &mut files)?;
    let (mut raw, mut brotli_total) = (0, 0);
    for path in files {
        let compressible = Path::new(&path)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = fs::read(staging.join(&path)).map_err(|e| format!("{path}: {e}"))?;
        let brotli = brotli_of(&bytes)?;
        let gzip = gzip_of(&bytes)?;
        raw += bytes.len();
        brotli_total += brotli.len().min(bytes.len());
        // A copy no smaller than the file is of no use to anyone.
        for (copy, extension) in [(brotli, "br"), (gzip, "gz")] {
            if copy.len() < bytes.len() {
                let name = format!("{path}.{extension}");
                fs::write(staging.join(&name), copy).map_err(|e| format!("{name}: {e}"))?;
            }
        }
    }
    println!("compressed: {raw} bytes of text and wasm, {brotli_total} with brotli");
    Ok(())
}

fn brotli_of(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

fn gzip_of(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).map_err(|e| e.to_string())?;
    gz.finish().map_err(|e| e.to_string())
}

fn collect_files(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sync_server_is_the_one_other_origin_the_page_may_reach() {
        let html = r#"<meta content="default-src 'self'; connect-src 'self'; object-src 'none'">"#;
        assert_eq!(
            with_sync_origins(html, "https://couch.example.com:6984").as_deref(),
            Ok(
                r#"<meta content="default-src 'self'; connect-src 'self' https://couch.example.com:6984; object-src 'none'">"#
            )
        );
        assert!(with_sync_origins(html, "https://couch.example.com/db; script-src *").is_err());
        assert!(with_sync_origins(html, "couch.example.com").is_err());
    }

    #[test]
    fn inline_loader_moves_to_a_hashed_file_and_external_scripts_stay() {
        let html = r#"<head><script type="module" src="/a.js"></script><script type="module">import init from '/app.js'; init();</script></head>"#;
        let (out, files) = split_inline_scripts(html);
        assert_eq!(files.len(), 1);
        let (name, body) = &files[0];
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert_eq!(body, "import init from '/app.js'; init();");
        assert_eq!(
            out,
            format!(
                r#"<head><script type="module" src="/a.js"></script><script type="module" src="/{name}"></script></head>"#
            )
        );
    }
}
