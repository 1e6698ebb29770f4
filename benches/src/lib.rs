//! Benchmark harnesses over `benches/programs/*.py` (the suite runner arrives with the harness issue).
