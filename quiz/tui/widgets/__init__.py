"""Reusable widgets of the game, each with its `DEFAULT_CSS` and the messages it sends."""
