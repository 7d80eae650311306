//! Generates the parser from `grammar/iterp.lalrpop` into `OUT_DIR` (never committed).
fn main() {
    println!("cargo:rerun-if-changed=grammar/iterp.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed to generate the parser");
}
