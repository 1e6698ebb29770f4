//! The variants this binary holds: every dispatch strategy × every frame allocator, each a
//! monomorphized instance of the one eval loop. Adding a strategy or an allocator means adding
//! one name to a list here; nothing else changes.

use rceval_interp::runtime::vm::EvalHooks;
use rceval_interp::runtime::{
    DataStack311Frames, DataStackFrames, FreeListFrames, HeapFrames, ZombieFrames,
};

use crate::observer::NoObserver;
use crate::switch::Switch;

/// Dispatch strategies, by their `--dispatch` names.
pub const DISPATCH_STRATEGIES: &[&str] = &["switch"];

/// Frame allocators, by their `--frames` names.
pub const FRAME_ALLOCATORS: &[&str] = &["heap", "freelist", "zombie", "datastack", "datastack311"];

/// The hooks for a named strategy and allocator; `None` if either name is unknown.
pub fn hooks_for(dispatch: &str, frames: &str) -> Option<EvalHooks> {
    macro_rules! with_frames {
        ($d:ty) => {
            match frames {
                "heap" => Some(crate::hooks::<$d, HeapFrames, NoObserver>()),
                "freelist" => Some(crate::hooks::<$d, FreeListFrames, NoObserver>()),
                "zombie" => Some(crate::hooks::<$d, ZombieFrames, NoObserver>()),
                "datastack" => Some(crate::hooks::<$d, DataStackFrames, NoObserver>()),
                "datastack311" => Some(crate::hooks::<$d, DataStack311Frames, NoObserver>()),
                _ => None,
            }
        };
    }
    match dispatch {
        "switch" => with_frames!(Switch),
        _ => None,
    }
}

/// Every `(dispatch, frames)` pair this binary has.
pub fn all_variants() -> Vec<(&'static str, &'static str)> {
    DISPATCH_STRATEGIES
        .iter()
        .flat_map(|&d| FRAME_ALLOCATORS.iter().map(move |&f| (d, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_variant_has_hooks() {
        for (d, f) in all_variants() {
            let hooks = hooks_for(d, f).expect("listed variant");
            assert_eq!((hooks.dispatch_name, hooks.frames_name), (d, f));
        }
        assert!(hooks_for("nope", "heap").is_none());
    }
}
