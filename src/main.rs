//! Browser entry point: installs the panic notice and mounts the app.

fn main() {
    vita::boot::install_panic_notice();
    vita::boot::remove_boot_notice();
    leptos::mount::mount_to_body(vita::App);
}
