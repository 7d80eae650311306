//! Generates the parser from `grammar/iterp.lalrpop` into `OUT_DIR` (never committed),
//! and links the `iterp` binary as a fixed-address executable.
fn main() {
    // A position-independent executable makes the dynamic loader apply 6,053 relocations
    // at every start, copying the pages they land on; Debian's python3.11 is not a PIE
    // either (docs/performance.md, "Start-up").
    println!("cargo:rustc-link-arg-bins=-no-pie");
    println!("cargo:rerun-if-changed=grammar/iterp.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed to generate the parser");
}
