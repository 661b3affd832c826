"""Each question type's interface, one module per type, and the registry the screens ask.

A type's module (`single.py`, `order.py`…) defines a `KindInterface` (see `base.py`): the answer
widgets built from the key-free `QuestionView`, the hint above them, how the widgets' messages
become an engine `Answer`, and how the feedback shows the answers and notes. The question and
feedback screens only call `kind_for(type)`; a new type is one new module and one line below.
"""

from __future__ import annotations

from quiz.tui.kinds.base import KindInterface, Status
from quiz.tui.kinds.categorize import Categorize
from quiz.tui.kinds.highlight import Highlight
from quiz.tui.kinds.multiple import MultipleChoice
from quiz.tui.kinds.numeric import Numeric
from quiz.tui.kinds.order import Ordering
from quiz.tui.kinds.single import SingleChoice
from quiz.tui.kinds.text import TypedText
from quiz.tui.kinds.true_false import TrueFalse

KINDS: dict[str, KindInterface] = {
    "single": SingleChoice(),
    "multiple": MultipleChoice(),
    "true_false": TrueFalse(),
    "numeric": Numeric(),
    "text": TypedText(),
    "order": Ordering(),
    "highlight": Highlight(),
    "categorize": Categorize(),
}
"""Every question type's interface, keyed by its `type:`; `QUESTION_TYPES` and this table must
name the same types (tested)."""


def kind_for(question_type: str) -> KindInterface:
    """The interface of questions of `question_type`; `LookupError` for a type it does not know."""
    kind = KINDS.get(question_type)
    if kind is None:
        raise LookupError(f"no interface is known for the question type '{question_type}'")
    return kind


__all__ = ["KINDS", "KindInterface", "Status", "kind_for"]
