use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Environment additions for child processes: the tools' folders ahead on PATH.
pub type Env = Vec<(String, String)>;

pub fn command(root: &Path, env: &Env, program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(root);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

pub fn run(root: &Path, env: &Env, program: &str, args: &[&str]) -> Result<(), String> {
    println!("\n$ {program} {}", args.join(" "));
    let status = command(root, env, program, args)
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The output of a command, or `None` if it cannot be run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[derive(Default)]
pub struct TestTally {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl TestTally {
    pub fn summary(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.ignored
        )
    }

    /// Adds a `test result: ok. 3 passed; 0 failed; 1 ignored; ...` line.
    fn add(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(label), Some(count)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(count) = count.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => self.passed += count,
                "failed" => self.failed += count,
                "ignored" => self.ignored += count,
                _ => {}
            }
        }
    }
}

/// Runs `cargo <args>`, echoing its output and counting its test results.
pub fn run_counting(
    root: &Path,
    env: &Env,
    tally: &mut TestTally,
    args: &[&str],
) -> Result<(), String> {
    println!("\n$ cargo {}", args.join(" "));
    let mut child = command(root, env, "cargo", args)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            tally.add(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_reads_cargo_and_wasm_runner_result_lines() {
        let mut tally = TestTally::default();
        tally.add("test result: ok. 22 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        tally.add(
            "test result: ok. 3 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.85s",
        );
        tally.add("test result: FAILED. 1 passed; 2 failed; 0 ignored");
        tally.add("running 3 tests");
        assert_eq!((tally.passed, tally.failed, tally.ignored), (26, 2, 1));
    }
}
