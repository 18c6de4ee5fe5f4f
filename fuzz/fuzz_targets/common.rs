// Shared by the fuzz targets: the built-in packs, compiled once.
use figcheck::pack::Packs;
use std::sync::OnceLock;

pub fn packs() -> &'static Packs {
    static PACKS: OnceLock<Packs> = OnceLock::new();
    PACKS.get_or_init(|| Packs::builtin().expect("built-in packs compile"))
}
