"""Formats: what a file holds besides prose, and the spans of it no rule may change.

Plain text is the only format so far (:mod:`cleanup.formats.plain`): its protected spans are
addresses, handles, hashtags and paths.
"""
