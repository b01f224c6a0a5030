// Migrations and the tagging assets are embedded with include_str!; editing one must rebuild.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=../../assets/tagging");
}
