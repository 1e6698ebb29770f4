//! Durable runs: connecting `durable.wait` to the workflow store, and resuming a suspended
//! workflow in this process (`rceval resume`).
//!
//! A program that calls `durable.wait(name)` under `rceval run --store FILE` is saved to the
//! store and the process exits with [`SUSPENDED_EXIT_CODE`]; `rceval resume --store FILE --id
//! ID --send JSON` rebuilds it in a fresh VM (recompiling its sources and checking them against
//! the code hashes in the snapshot) and continues where it stopped, `wait` returning the value
//! sent. It may wait again: the same workflow gets its next snapshot.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use rceval_interp::compiler::compile_module;
use rceval_interp::runtime::Vm;
use rceval_interp::runtime::modules::frozen_source;
use rceval_interp::runtime::snapshot::format::Snapshot;
use rceval_interp::runtime::snapshot::migrate::{CurrentSource, resolve_codes};
use rceval_interp::runtime::snapshot::{DurableMode, SnapshotSink, WaitPoint, json_to_value, load};
use rceval_interp::runtime::vm::FrameExit;

use crate::store::{Claim, Claimed, Ended, Store, WaitRecord};

/// The exit status of a process whose program suspended itself at `durable.wait`
/// (`EX_TEMPFAIL`: the work is not done, and will go on later).
pub const SUSPENDED_EXIT_CODE: i32 = 75;

/// What `durable.wait` does in a run.
#[derive(Clone, Debug, Default)]
pub enum Durable {
    /// It raises `RuntimeError` (no store).
    #[default]
    Off,
    /// It returns these values in turn (`rceval run --send-values`).
    Replay(Vec<serde_json::Value>),
    /// It saves the program to the store at this location (file or URL) and stops it; a new
    /// workflow gets the key, if one is given (`rceval run --workflow-key`).
    Store(String, Option<String>),
    /// Resume a suspended workflow.
    Resume(ResumeRequest),
}

#[derive(Clone, Debug)]
pub struct ResumeRequest {
    pub store: String,
    pub id: i64,
    /// What the suspended `wait` returns.
    pub send: serde_json::Value,
    /// Map the suspended frames onto changed sources by line (see `snapshot::migrate`).
    pub migrate: bool,
}

/// Refuses a store that is not (and cannot become) a workflow store, or a key a workflow
/// there already has, before the program runs.
pub fn check_store(path: &str, key: Option<&str>) -> Result<(), String> {
    let mut store = Store::open(path, true)?;
    match key {
        Some(key) => store.check_key_free(key),
        None => Ok(()),
    }
}

/// The `durable` mode of a fresh run.
pub fn mode_for(durable: &Durable, program: &str) -> DurableMode {
    match durable {
        Durable::Off | Durable::Resume(_) => DurableMode::Off,
        Durable::Replay(values) => DurableMode::Replay(values.iter().cloned().collect()),
        Durable::Store(path, key) => DurableMode::Store {
            sink: Box::new(StoreSink {
                path: path.clone(),
                program: program.to_string(),
                claim: None,
                key: key.clone(),
            }),
            program: program.to_string(),
        },
    }
}

/// Saves snapshots to a workflow store: a new workflow, or the next snapshot of a resumed one.
struct StoreSink {
    path: String,
    program: String,
    /// The claim of the workflow this run resumed.
    claim: Option<Claim>,
    /// The key of a new workflow.
    key: Option<String>,
}

impl SnapshotSink for StoreSink {
    fn save(&mut self, point: &WaitPoint, snapshot: &[u8]) -> Result<String, String> {
        let mut store = Store::open(&self.path, true)?;
        let wait = WaitRecord {
            program: &self.program,
            name: &point.name,
            file: &point.filename,
            line: point.line,
            function: &point.function,
        };
        store
            .save_with(self.claim, &wait, snapshot, self.key.as_deref(), "")
            .map(|id| id.to_string())
    }
}

/// A snapshot a worker's run took, written when the run has stopped, in the transaction that
/// also appends what the run printed (see [`Resumed::commit`]).
struct Deferred {
    program: String,
    name: String,
    file: String,
    line: u32,
    function: String,
    data: Vec<u8>,
}

/// Keeps the snapshot for [`Resumed::commit`] instead of writing it at once.
struct DeferredSink {
    workflow: i64,
    program: String,
    slot: Rc<RefCell<Option<Deferred>>>,
}

impl SnapshotSink for DeferredSink {
    fn save(&mut self, point: &WaitPoint, snapshot: &[u8]) -> Result<String, String> {
        *self.slot.borrow_mut() = Some(Deferred {
            program: self.program.clone(),
            name: point.name.clone(),
            file: point.filename.clone(),
            line: point.line,
            function: point.function.clone(),
            data: snapshot.to_vec(),
        });
        Ok(self.workflow.to_string())
    }
}

/// A workflow claimed from its store (see `store::Store::claim`): this process now holds it
/// and must end the claim one way or another ([`Resumed::end`], or a new snapshot).
pub struct Loaded {
    request: ResumeRequest,
    row: crate::store::WorkflowRow,
    data: Vec<u8>,
    claim: Claim,
    /// A worker's run: its snapshot and output are written when it stops.
    deferred: bool,
}

impl Loaded {
    pub fn program(&self) -> &str {
        &self.row.program
    }
}

/// Claims the workflow to resume: a second resume of it is refused here, before it runs.
pub fn load(request: &ResumeRequest) -> Result<Loaded, String> {
    let mut store = Store::open(&request.store, false)?;
    let claimed = store.claim(request.id, &request.send.to_string())?;
    Ok(Loaded {
        request: request.clone(),
        row: claimed.row,
        data: claimed.data,
        claim: claimed.claim,
        deferred: false,
    })
}

/// A workflow a worker claimed (`Store::claim_next`), to resume with its event's value.
pub fn loaded_for_worker(store: &str, claimed: Claimed) -> Result<Loaded, String> {
    let send = serde_json::from_str(&claimed.sent).map_err(|e| {
        format!(
            "rceval: the event for workflow {} is not JSON ({e})",
            claimed.claim.workflow
        )
    })?;
    Ok(Loaded {
        request: ResumeRequest {
            store: store.to_string(),
            id: claimed.claim.workflow,
            send,
            migrate: false,
        },
        row: claimed.row,
        data: claimed.data,
        claim: claimed.claim,
        deferred: true,
    })
}

/// A workflow running again in this process.
pub struct Resumed {
    pub store: String,
    pub claim: Claim,
    /// A worker's run: where its snapshot waits to be written.
    deferred: Option<Rc<RefCell<Option<Deferred>>>>,
}

impl Resumed {
    /// Records how the program ended: finished, or failed with this traceback (the workflow
    /// then waits again on the same snapshot).
    pub fn end(&self, failure: Option<&str>) -> Result<(), String> {
        let mut store = Store::open(&self.store, false)?;
        let ended = match failure {
            None => Ended::Finished,
            Some(tb) => Ended::Failed(tb),
        };
        store.end(self.claim, ended)
    }

    /// Ends a worker's run in one transaction: the snapshot it took if it waited again, else
    /// finished or failed (with this traceback), and the output it printed.
    pub fn commit(
        &self,
        store: &mut Store,
        failure: Option<&str>,
        output: &str,
    ) -> Result<(), String> {
        let taken = self
            .deferred
            .as_ref()
            .and_then(|slot| slot.borrow_mut().take());
        match taken {
            Some(d) => {
                let wait = WaitRecord {
                    program: &d.program,
                    name: &d.name,
                    file: &d.file,
                    line: d.line,
                    function: &d.function,
                };
                store
                    .save_with(Some(self.claim), &wait, &d.data, None, output)
                    .map(drop)
            }
            None => {
                let ended = match failure {
                    None => Ended::Finished,
                    Some(tb) => Ended::Failed(tb),
                };
                store.end_with(self.claim, ended, output)
            }
        }
    }
}

/// Gives the claim back when the snapshot could not be resumed, recording why; the message
/// to show (`why`, and what went wrong recording it, if anything).
fn refuse(store: &str, claim: Claim, why: String) -> String {
    match Store::open(store, false).and_then(|mut s| s.end(claim, Ended::Refused(&why))) {
        Ok(()) => why,
        Err(e) => format!("{why}\nrceval: {e}"),
    }
}

/// Rebuilds a suspended workflow in `vm`, ready for [`continue_frames`]: the sources are
/// recompiled and checked against the snapshot's code hashes (or migrated), the heap and frames
/// rebuilt through the VM's frame allocator, and the value sent pushed as `wait`'s result.
pub fn restore(vm: &mut Vm, loaded: Loaded) -> Result<Resumed, String> {
    let (store, claim) = (loaded.request.store.clone(), loaded.claim);
    rebuild(vm, loaded).map_err(|why| refuse(&store, claim, why))
}

fn rebuild(vm: &mut Vm, loaded: Loaded) -> Result<Resumed, String> {
    let id = loaded.request.id;
    let context = |msg: String| format!("rceval: cannot resume workflow {id}: {msg}");
    let mut snap: Snapshot = serde_json::from_slice(&loaded.data)
        .map_err(|e| context(format!("its snapshot is unreadable ({e})")))?;
    let mut current = HashMap::new();
    for source in &snap.sources {
        let name = &source.filename;
        let text = match frozen_source(name) {
            Some(text) => text.to_string(),
            None if Path::new(name).exists() => std::fs::read_to_string(name)
                .map_err(|e| context(format!("can't read its source file '{name}': {e}")))?,
            None => return Err(context(format!("its source file '{name}' is missing"))),
        };
        let code = compile_module(&text, name).map_err(|e| {
            context(format!(
                "its source no longer compiles:\n{}",
                e.render().trim_end()
            ))
        })?;
        current.insert(name.clone(), CurrentSource { text, code });
    }
    let codes = resolve_codes(&mut snap, &current, loaded.request.migrate).map_err(context)?;
    for (name, source) in &current {
        vm.sources.insert(name.clone(), source.text.clone());
    }
    load::restore(vm, &snap, &codes).map_err(context)?;
    let sent = json_to_value(vm, &loaded.request.send);
    let Some(top) = vm.frames.last_mut() else {
        return Err(context("its snapshot has no frames".into()));
    };
    top.push(sent);
    let slot = Rc::new(RefCell::new(None));
    let sink: Box<dyn SnapshotSink> = if loaded.deferred {
        Box::new(DeferredSink {
            workflow: loaded.claim.workflow,
            program: loaded.row.program.clone(),
            slot: Rc::clone(&slot),
        })
    } else {
        Box::new(StoreSink {
            path: loaded.request.store.clone(),
            program: loaded.row.program.clone(),
            claim: Some(loaded.claim),
            key: None,
        })
    };
    vm.durable.mode = DurableMode::Store {
        sink,
        program: loaded.row.program.clone(),
    };
    Ok(Resumed {
        store: loaded.request.store,
        claim: loaded.claim,
        deferred: loaded.deferred.then_some(slot),
    })
}

/// Runs the restored frames; `true` if the program ended normally, `false` if an exception
/// escaped or it suspended again (see `vm.durable.suspended`).
pub fn continue_frames(vm: &mut Vm) -> bool {
    // As for a module run from `exec_module`: the bottom frame is entered from native code.
    vm.native_depth += 1;
    let exit = (vm.hooks.resume)(vm);
    vm.native_depth -= 1;
    matches!(exit, FrameExit::Returned(_))
}

/// Tells the user where the program waits and how to resume it; the exit status to use.
pub fn report_suspension(vm: &mut Vm, durable: &Durable) -> i32 {
    let point = vm.durable.suspended.clone().expect("suspended");
    let id = vm.durable.saved_as.clone().unwrap_or_default();
    let store = match durable {
        Durable::Store(path, _) => path.clone(),
        Durable::Resume(r) => r.store.clone(),
        _ => String::new(),
    };
    vm.stdout.flush();
    vm.stderr.write_str(&format!(
        "rceval: workflow {id} suspended at durable.wait({:?}) in {}() at {} line {}\n\
         rceval: resume it with: rceval resume --store {store} --id {id} --send JSON\n",
        point.name, point.function, point.filename, point.line
    ));
    SUSPENDED_EXIT_CODE
}
