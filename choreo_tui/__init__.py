"""Choreo's terminal front end: the Textual editor, replay, and the ``choreo`` command.

Thin by design: every rule, file format and computation lives in ``notation``.
"""
