//! Reads strings as JSON lines on stdin (`"text"`) and writes each after Parallax's mojibake
//! repair, as JSON lines on stdout; used by `benches/mojibake.sh` to compare with ftfy.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(text) = serde_json::from_str::<String>(&line) else {
            eprintln!("not a JSON string: {line}");
            std::process::exit(2);
        };
        let repaired = parallax::decode::repair(&text).text;
        writeln!(out, "{}", serde_json::Value::String(repaired))?;
    }
    out.flush()
}
