"""The interface catalogues, one module per language (`en`, `fr`), each a flat `CATALOGUE` dict."""
