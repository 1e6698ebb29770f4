//! dis (in progress)
