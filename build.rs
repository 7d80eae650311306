//! Generates the parser from `grammar/iterp.lalrpop` into `OUT_DIR` (never committed),
//! and links the `iterp` binary as a fixed-address executable with GCC's unwinder built
//! in.
fn main() {
    // A position-independent executable makes the dynamic loader apply 6,053 relocations
    // at every start, copying the pages they land on; Debian's python3.11 is not a PIE
    // either (docs/performance.md, "Start-up").
    println!("cargo:rustc-link-arg-bins=-no-pie");
    link_unwinder_statically();
    println!("cargo:rerun-if-changed=grammar/iterp.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed to generate the parser");
}

/// Links GCC's unwinder (`libgcc_eh.a`, what `gcc -static-libgcc` uses) ahead of the
/// `-lgcc_s` that std asks for, so that `--as-needed` drops libgcc_s.so.1: loading one
/// more shared library cost every run about 90 µs (docs/performance.md, "Start-up").
/// Only std's backtrace and panic machinery use it (`_Unwind_*`). Without a GNU
/// toolchain that has the archive, the shared library is linked as before.
fn link_unwinder_statically() {
    let target_gnu_linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if !target_gnu_linux {
        return;
    }
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let Ok(out) = std::process::Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    let path = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    // Without the archive, the compiler prints the bare name back.
    if let (true, Some(dir)) = (path.is_absolute() && path.is_file(), path.parent()) {
        println!("cargo:rustc-link-search=native={}", dir.display());
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
    println!("cargo:rerun-if-env-changed=CC");
}
