//! rceval's benchmark suite as data: the programs under `benches/programs/` with the sizes
//! their header comments declare, the micro programs under `benches/micro/`, and the variants
//! (dispatch strategy × frame allocator) a benchmark runs them under. The harnesses in
//! `benches/benches/` (criterion wall-clock and gungraun instruction counts) are built on these.

pub mod micro;
pub mod programs;
pub mod variants;
