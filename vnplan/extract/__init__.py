"""One module per kind of fact; each exposes a pure ``extract_*`` function and ``apply(doc)``."""
