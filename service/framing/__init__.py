"""Framing stage: how each outlet words, sources and attributes the facts it shares with the others."""
