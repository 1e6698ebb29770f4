//! What `rceval workflows` prints.

use super::{AttemptRow, WorkflowRow};

/// `rceval workflows`: one line per workflow.
pub fn render_list(rows: &[WorkflowRow]) -> String {
    if rows.is_empty() {
        return "no workflows\n".into();
    }
    let mut out = String::from("ID  STATE     SINCE                 WAITS AT\n");
    for r in rows {
        let mut at = if matches!(r.state.as_str(), "waiting" | "running") {
            format!(
                "wait({:?}) in {}() at {} line {}",
                r.wait_name, r.function, r.file, r.line
            )
        } else {
            format!(
                "(last waited in {}() at {} line {})",
                r.function, r.file, r.line
            )
        };
        if r.failures > 0 {
            let s = if r.failures == 1 { "" } else { "s" };
            at += &format!("; {} failed resume{s} (--history {})", r.failures, r.id);
        }
        if r.pending > 0 {
            let s = if r.pending == 1 { "" } else { "s" };
            at += &format!("; {} event{s} pending", r.pending);
        }
        if let Some(key) = &r.key {
            at += &format!("; key {key:?}");
        }
        out += &format!("{:<3} {:<9} {:<21} {at}\n", r.id, r.state, r.since);
    }
    out
}

/// `rceval workflows --history ID`: one paragraph per resume, a failure's traceback indented.
pub fn render_history(id: i64, attempts: &[AttemptRow]) -> String {
    if attempts.is_empty() {
        return format!("workflow {id} has not been resumed\n");
    }
    let mut out = format!("workflow {id}: {} resume(s)\n", attempts.len());
    for a in attempts {
        out += &format!(
            "attempt {} (snapshot generation {}): {} -- sent {}, process {}, {} .. {}\n",
            a.id,
            a.generation,
            a.outcome,
            a.sent,
            a.pid,
            a.started,
            a.ended.as_deref().unwrap_or("(not ended)")
        );
        for line in a.detail.lines() {
            out += &format!("    {line}\n");
        }
    }
    out
}
