//! figcheck finds the numeric claims in release text and checks them against a reference ledger.
//!
//! The data flows one way, one module a stage:
//! [`source`] reads a file into prose and blocks → [`segment`] cuts sentences and picks each one's
//! language pack ([`pack`]) → [`extract`] finds the claims → [`ledger`] + [`link`] tie claims to
//! approved figures → [`rules`] judge them into findings → [`report`] renders findings.
//! The library never prints; the binary (`main.rs`) does.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Errors carry their source text so that miette can point into it; they are built once per run,
// off the hot path, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod baseline;
pub mod check;
pub mod config;
pub mod extract;
pub mod fold;
pub mod init;
pub mod input;
pub mod judge;
pub mod ledger;
pub mod link;
pub mod pack;
pub mod phrase;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod suppress;
pub mod wordruns;
pub mod write;
