//! compiler (in progress)
