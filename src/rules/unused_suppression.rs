//! ## unused-suppression (warning)
//!
//! **What it does.** Reports a suppression comment (`<!-- figcheck-ignore-next-line -->`,
//! `<!-- figcheck-disable mismatch -->`, or `figcheck: disable` in plain text) that suppresses no
//! finding.
//!
//! **Why it matters.** A stale suppression hides the next real error written on that line.
//!
//! **Example.** `<!-- figcheck-ignore-next-line -->` above a line whose figures all match the
//! ledger is reported; delete the comment.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "unused-suppression",
    file: "unused_suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppresses nothing",
};
