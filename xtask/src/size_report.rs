//! What a phone downloads on first load: each file of dist/, raw and gzipped.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

pub fn print(dist: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    for entry in walk(dist)? {
        let bytes = fs::read(&entry).map_err(|e| format!("{}: {e}", entry.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let zipped = gz.finish().map_err(|e| e.to_string())?.len();
        let name = entry
            .strip_prefix(dist)
            .unwrap_or(&entry)
            .display()
            .to_string();
        rows.push((name, bytes.len(), zipped));
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    println!("\nrelease build (dist/), bytes raw / gzipped:");
    for (name, raw, zipped) in &rows {
        println!("  {raw:>9} {zipped:>9}  {name}");
    }
    let raw: usize = rows.iter().map(|r| r.1).sum();
    let zipped: usize = rows.iter().map(|r| r.2).sum();
    println!("  {raw:>9} {zipped:>9}  total ({} files)", rows.len());
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
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
