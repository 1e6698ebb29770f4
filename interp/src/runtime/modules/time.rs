//! The `time` module: wall clock, monotonic and CPU clocks, and `sleep`.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::add_functions;
use crate::num::PyInt;
use crate::runtime::object::NativeFn;
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
    ];
    add_functions(vm, dict, fns)
}

fn no_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<()> {
    if args.is_empty() {
        return Ok(());
    }
    let msg = format!("time.{name}() takes no arguments ({} given)", args.len());
    vm.err(ExcKind::TypeError, msg)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// The monotonic clock, counted from the first time it is read (only differences matter).
fn monotonic() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn process_cpu() -> Duration {
    cpu_time::ProcessTime::try_now()
        .map(|t| t.as_duration())
        .unwrap_or_default()
}

fn nanos(d: Duration) -> Value {
    Value::Int(i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

fn time(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "time")?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "time_ns")?;
    Ok(nanos(since_epoch()))
}

fn perf_counter(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "perf_counter")?;
    Ok(Value::Float(monotonic().as_secs_f64()))
}

fn perf_counter_ns(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "perf_counter_ns")?;
    Ok(nanos(monotonic()))
}

fn process_time(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "process_time")?;
    Ok(Value::Float(process_cpu().as_secs_f64()))
}

fn process_time_ns(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    no_args(vm, args, "process_time_ns")?;
    Ok(nanos(process_cpu()))
}

fn sleep(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 1 {
        let msg = format!(
            "time.sleep() takes exactly one argument ({} given)",
            args.len()
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    // CPython 3.11 holds the length in nanoseconds in an i64 (`_PyTime_t`), and its int and
    // float conversions word the overflow differently.
    if let Some(n) = vm.to_pyint(args[0]) {
        let fits =
            matches!(n, PyInt::Small(n) if (n as i128 * 1_000_000_000).abs() <= i64::MAX as i128);
        if !fits {
            let msg = "timestamp too large to convert to C _PyTime_t";
            return vm.err(ExcKind::OverflowError, msg);
        }
    }
    let Some(secs) = vm.to_f64(args[0])? else {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[0])
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    if secs.is_nan() {
        return vm.err(ExcKind::ValueError, "Invalid value NaN (not a number)");
    }
    const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-I64_LIMIT..I64_LIMIT).contains(&(secs * 1e9)) {
        let msg = "timestamp out of range for platform time_t";
        return vm.err(ExcKind::OverflowError, msg);
    }
    if secs < 0.0 {
        return vm.err(ExcKind::ValueError, "sleep length must be non-negative");
    }
    let d = Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX);
    vm.stdout.flush();
    // In naps short enough for Ctrl-C to end the sleep at once, as it does CPython's.
    const NAP: Duration = Duration::from_millis(20);
    let end = std::time::Instant::now().checked_add(d);
    loop {
        crate::runtime::interrupt::raise_pending(vm)?;
        let left = end.map_or(NAP, |end| {
            end.saturating_duration_since(std::time::Instant::now())
        });
        if left.is_zero() {
            return Ok(Value::None);
        }
        std::thread::sleep(left.min(NAP));
    }
}
