fn main() {
    println!("rubric-server: placeholder");
}
