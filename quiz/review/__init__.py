"""Reviewing a draft question set: accept, edit or drop each question, and save the file with
only those changes (see `quiz review`). No interface here: the review screen in `quiz.tui` drives
a `ReviewSession`; this package imports neither Textual nor the results store.
"""

from quiz.review.session import CheckResult, ReviewItem, ReviewSession, ReviewState
from quiz.review.set_file import ChangedOnDisk, ReviewError, SetFile

__all__ = [
    "ChangedOnDisk",
    "CheckResult",
    "ReviewError",
    "ReviewItem",
    "ReviewSession",
    "ReviewState",
    "SetFile",
]
