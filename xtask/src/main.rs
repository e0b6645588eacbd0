//! Project tasks: `cargo xtask serve | test | size | bench`.

fn main() {
    println!("xtask: not yet");
}
