//! `src/main.rs` sets mimalloc's purge delay by the option's index in mimalloc 3's `mi_option_t`,
//! which libmimalloc-sys does not name: this guards that index against an upgrade of mimalloc.

#[test]
fn option_15_is_mimallocs_purge_delay() {
    // The named neighbour sits where the enum says, and option 15 holds purge_delay's default
    // (1000 ms), unless the environment set it.
    assert_eq!(libmimalloc_sys::mi_option_use_numa_nodes, 16);
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: reads an integer from mimalloc's option table.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(15) }, 1000);
    }
}
