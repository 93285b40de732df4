"""The app's Lua sources, compiled: one module per source and role."""
