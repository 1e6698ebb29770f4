//! Observers of the eval loop and the reports rendered from them (DXP opcode and pair counts,
//! lltrace, per-opcode timing, call profiles). The observer interface itself lives in
//! `rceval_dispatch::observer`; the implementations arrive with the profiling issue.
