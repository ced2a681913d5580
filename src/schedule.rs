//! Giving the browser its turn: long work is done in steps between which the page draws and
//! answers the reader, so that no task holds it for long.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// Milliseconds on the page's clock.
pub fn now() -> f64 {
    window()
        .performance()
        .map(|performance| performance.now())
        .unwrap_or_default()
}

/// Resolves after `milliseconds`, in a later task.
pub async fn after(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves as the browser starts drawing its next frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves in a later task, after the browser has drawn and handled input: with
/// `scheduler.yield()` where the browser has it (no delay), else a zero timeout (which browsers
/// stretch to 4 ms when repeated).
pub async fn next_turn() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let yield_now = scheduler.as_ref().and_then(|scheduler| {
        let function = js_sys::Reflect::get(scheduler, &"yield".into()).ok()?;
        let function: &js_sys::Function = function.dyn_ref()?;
        function
            .call0(scheduler)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let promise = yield_now.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            window().set_timeout_with_callback(&resolve).ok();
        })
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// How long a slice of long work may hold the page, in milliseconds: well under the 50 ms of a
/// long task, even on a phone four times slower than a desktop computer.
const SLICE: f64 = 10.0;

/// Long work done in slices, the browser taking its turn between them.
pub struct Slices {
    started: f64,
}

impl Slices {
    /// Starts the first slice.
    pub fn start() -> Self {
        Self { started: now() }
    }

    /// Gives the browser its turn if this slice has held the page for long, and starts the next.
    pub async fn pause(&mut self) {
        if now() - self.started > SLICE {
            next_turn().await;
            self.started = now();
        }
    }
}
