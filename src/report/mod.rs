//! Rendering results: claims for `extract`, findings for `check`, in every output format.

pub mod claims;
pub mod findings;
