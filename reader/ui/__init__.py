"""The Qt user interface. Thin: it shows what the core computes."""
