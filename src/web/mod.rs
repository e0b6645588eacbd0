//! The browser layer (wasm32 only): the yew playground and the JS API over the engine.
