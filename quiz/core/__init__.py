"""The game without a screen: question-set models, the loader, answer checking, scoring, sessions.

Pure Python and strictly typed; imports no UI and no other part of `quiz`.
"""
