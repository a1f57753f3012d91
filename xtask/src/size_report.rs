//! What a phone downloads on first load: each file of dist/, raw, gzipped and as the brotli
//! copy the build wrote beside it (what a host that serves precompressed files sends).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

pub fn print(dist: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    for entry in walk(dist)? {
        let copy = entry.extension().is_some_and(|e| e == "br" || e == "gz");
        if copy {
            continue;
        }
        let bytes = fs::read(&entry).map_err(|e| format!("{}: {e}", entry.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let zipped = gz.finish().map_err(|e| e.to_string())?.len();
        let brotli = fs::metadata(with_suffix(&entry, ".br"))
            .map_or(zipped.min(bytes.len()), |m| m.len() as usize);
        let name = entry
            .strip_prefix(dist)
            .unwrap_or(&entry)
            .display()
            .to_string();
        rows.push((name, bytes.len(), zipped, brotli));
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    println!("\nrelease build (dist/), bytes raw / gzipped / as served with brotli:");
    for (name, raw, zipped, brotli) in &rows {
        println!("  {raw:>9} {zipped:>9} {brotli:>9}  {name}");
    }
    let raw: usize = rows.iter().map(|r| r.1).sum();
    let zipped: usize = rows.iter().map(|r| r.2).sum();
    let brotli: usize = rows.iter().map(|r| r.3).sum();
    println!(
        "  {raw:>9} {zipped:>9} {brotli:>9}  total ({} files)",
        rows.len()
    );
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(walk(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}
