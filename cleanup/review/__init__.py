"""Review before publishing: a result's changes as independent hunks, a word-level view of them,
an interactive walk through them, and the decisions file that ``cleanup apply`` reads.

The modules, one job each: :mod:`~cleanup.review.hunks` splits a result into hunks and applies any
subset of them; :mod:`~cleanup.review.worddiff` shows them like ``git diff --word-diff``;
:mod:`~cleanup.review.session` asks a reviewer about each; :mod:`~cleanup.review.decisions`
writes and reads the decisions file; :mod:`~cleanup.review.commands` holds the ``review`` and
``apply`` commands.
"""
