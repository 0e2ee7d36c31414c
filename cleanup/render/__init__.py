"""Renderers: turn results into what a person or a program reads."""
