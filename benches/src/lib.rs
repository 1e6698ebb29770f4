//! rceval's benchmark suite as data: the programs under `benches/programs/` with the sizes
//! their header comments declare, and the variants (dispatch strategy × frame allocator) a
//! benchmark runs them under. The harnesses in `benches/benches/` (criterion wall-clock and
//! gungraun instruction counts) are built on these.

pub mod programs;
pub mod variants;
