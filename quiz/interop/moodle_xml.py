"""Moodle XML, the format of Moodle's question bank, read and written with lxml.

The parser is hardened before it sees a byte: no entity is expanded, no DTD or network resource is
loaded, no huge tree is built, and a file that declares a DOCTYPE or an ENTITY is refused outright
(Moodle never writes one; a "billion laughs" or an external entity would need one). A question's
skill becomes a Moodle tag; quiz's other details Moodle has no field for travel in an XML comment
before the question (see `quiz.interop.metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.models import (
    CategorizeQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    QuestionSet,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.core.skills import Skill
from quiz.interop import matching, metadata
from quiz.interop.errors import InteropError, file_error
from quiz.interop.fields import (
    NotHeld,
    accent_loss,
    category_title,
    choice_fields,
    clean,
    number_text,
    plain_number,
)
from quiz.interop.html_text import html_to_text, text_to_html
from quiz.interop.libraries import load
from quiz.interop.limits import check_question_count, decode_text
from quiz.interop.model import Bank, Format, Loss, ReadQuestion, Unsupported, Written

TITLE = "Moodle XML"
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Moodle fills these in for every question it exports; only a teacher's own wording is worth a note.
_STANDARD_FEEDBACK = {
    "",
    "Your answer is correct.",
    "Your answer is partially correct.",
    "Your answer is incorrect.",
}
# Carried in the comment: what Moodle XML has no element for (skill is a tag, unit and case
# sensitivity have elements of their own).
_COMMENT_KEYS = tuple(
    key for key in metadata.QUESTION_KEYS if key not in ("skill", "unit", "case_sensitive")
)
_MOODLE_EDITOR_ANSWERS = 3
"""Moodle's matching editor wants two subquestions and three answers (rows); its importer does not."""
_ALL_PAIRS_GRADING = "RELATIVE_ALL_PREVIOUS_AND_NEXT"
"""The ordering grading that counts pairs in the right relative order, as quiz does."""


def detect(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<quiz"))


# --- reading -------------------------------------------------------------------------------------


def _parse(data: bytes, path: str) -> Any:
    """The XML tree, from a parser that expands nothing and fetches nothing."""
    text = decode_text(data, path, "Moodle XML")
    declaration = _DECLARATION.search(text)
    if declaration:
        before = text[: declaration.start()]
        raise file_error(
            path,
            f"the file declares <!{declaration.group(1).upper()}>: Moodle XML has no DTD, and a "
            "declaration can hide entity expansion or read other files",
            "export the questions from Moodle again, or remove the declaration",
            line=before.count("\n") + 1,
            column=declaration.start() - (before.rfind("\n") + 1) + 1,
            code="xml-declaration",
        )
    etree = load("lxml.etree", TITLE)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (1, 1)
        raise file_error(
            path,
            f"this is not well-formed XML: {error.msg}",
            "open the file in a browser to see where the XML breaks",
            line=line or 1,
            column=max(column, 1),
            code="xml-syntax",
        ) from None
    if root.getroottree().docinfo.internalDTD is not None:  # defence in depth
        raise file_error(path, "the file declares a DTD", code="xml-declaration")
    if root.tag != "quiz":
        raise file_error(
            path,
            f"a Moodle XML file starts with <quiz>, this one with <{root.tag}>",
            "export the questions from Moodle's question bank as 'Moodle XML format'",
            line=root.sourceline or 1,
            code="xml-root",
        )
    return root


def read(data: bytes, path: str) -> Bank:
    root = _parse(data, path)
    etree = load("lxml.etree", TITLE)
    questions = [e for e in root if e.tag == "question" and e.get("type") != "category"]
    check_question_count(len(questions), path)
    bank = Bank()
    errors: list[Diagnostic] = []
    pending: dict[str, Any] = {}
    notes_for_next: list[str] = []
    for element in root:
        if isinstance(element, etree._Comment):
            for prefix in (metadata.SET_PREFIX, metadata.QUESTION_PREFIX):
                values = metadata.decode(element.text or "", prefix)
                if isinstance(values, str):
                    notes_for_next.append(f"{values}: ignored")
                elif values is not None and prefix == metadata.SET_PREFIX:
                    bank.set_fields = bank.set_fields or values
                elif values is not None:
                    pending = values
            continue
        if element.tag != "question":
            continue
        kind = element.get("type") or ""
        line = element.sourceline or 1
        if kind == "category":
            path_text = _plain(element.find("category/text"))
            bank.title = bank.title or category_title(path_text) or None
            continue
        reader = IMPORTS.get(
            kind, Unsupported(f"the Moodle question type '{kind}' has no quiz form")
        )
        name = _plain(element.find("name/text"))
        if isinstance(reader, Unsupported):
            bank.warnings.append(
                Diagnostic(
                    path,
                    line,
                    1,
                    Severity.WARNING,
                    f"{reader.reason}: question {name!r} left out",
                    code="not-held",
                )
            )
            pending, notes_for_next = {}, []
            continue
        assert callable(reader)
        notes = notes_for_next
        try:
            fields = _common(element, notes, bank)
            fields.update(reader(element, notes))
        except NotHeld as reason:
            bank.warnings.append(
                Diagnostic(
                    path,
                    line,
                    1,
                    Severity.WARNING,
                    f"{reason}: question {name!r} left out",
                    code="not-held",
                )
            )
            pending, notes_for_next = {}, []
            continue
        except _Invalid as invalid:
            errors.append(
                Diagnostic(
                    path,
                    invalid.line or line,
                    1,
                    Severity.ERROR,
                    invalid.message,
                    invalid.hint,
                    code="moodle-xml",
                )
            )
            pending, notes_for_next = {}, []
            continue
        matching.apply_category_order(fields, pending.pop(matching.ORDER_KEY, None), notes)
        for key, value in pending.items():
            if key in _COMMENT_KEYS:
                fields[key] = clean(value) if isinstance(value, str) else value
        idnumber = _plain(element.find("idnumber"))
        bank.questions.append(ReadQuestion(fields, line, 1, idnumber or name or None, notes))
        pending, notes_for_next = {}, []
    if errors:
        raise InteropError(errors)
    return bank


class _Invalid(Exception):
    def __init__(self, element: Any, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.line = getattr(element, "sourceline", None)
        self.message, self.hint = message, hint


def _plain(element: Any) -> str:
    """An element's text as written (names, numbers, short answers: never HTML in Moodle)."""
    return clean(element.text or "") if element is not None else ""


def _formatted(element: Any, notes: list[str], default_format: str = "html") -> str:
    """A <text> inside an element with a `format`, as quiz text (HTML read as a browser shows it)."""
    if element is None:
        return ""
    text_element = element.find("text")
    raw = (text_element.text or "") if text_element is not None else ""
    text_format = element.get("format", default_format)
    if text_format == "moodle_auto_format":
        raw = raw.replace("\n", "<br>")  # Moodle's auto-format keeps line breaks
    if text_format in ("html", "moodle_auto_format"):
        raw, dropped = html_to_text(raw)
        for what in dropped:
            note = f"the HTML held {what}, which plain text cannot: left out"
            if note not in notes:
                notes.append(note)
    if element.find("file") is not None:
        notes.append("an attached file (image…) has no place in quiz: left out")
    return clean(raw)


def _common(element: Any, notes: list[str], bank: Bank) -> dict[str, Any]:
    fields: dict[str, Any] = {"prompt": _formatted(element.find("questiontext"), notes)}
    explanation = _formatted(element.find("generalfeedback"), notes)
    if explanation:
        fields["explanation"] = explanation
    skills = {s.value for s in Skill}
    for tag in element.findall("tags/tag/text"):
        value = _plain(tag)
        if value in skills and "skill" not in fields:
            fields["skill"] = value
        elif value:
            notes.append(f"the tag {value!r} has no place in quiz")
    grade = _plain(element.find("defaultgrade"))
    if grade and _NUMBER.fullmatch(grade) and float(grade) not in (0.0, 1.0):
        base = (bank.set_fields.get("defaults") or {}).get("points", 1000)
        fields["points"] = min(100_000, max(1, round(float(grade) * base)))
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        text = _formatted(element.find(name), [])
        if text not in _STANDARD_FEEDBACK:
            notes.append(f"the {name.replace('feedback', ' feedback')} has no place in quiz")
    hints = element.findall("hint")
    if hints:
        notes.append(f"{len(hints)} hint(s) for later tries have no place in quiz")
    return fields


def _fraction(element: Any) -> float:
    raw = element.get("fraction", "0").strip()
    if not _NUMBER.fullmatch(raw):
        raise _Invalid(
            element,
            f"the fraction '{raw}' is not a number",
            "fractions are percentages: 100, 50, -33.33333",
        )
    return float(raw) / 100


def _read_multichoice(element: Any, notes: list[str]) -> dict[str, Any]:
    entries = []
    for answer in element.findall("answer"):
        text = _formatted(answer, notes)
        if not text:
            raise _Invalid(answer, "this answer is empty")
        feedback = _formatted(answer.find("feedback"), notes) or None
        entries.append((text, _fraction(answer), feedback))
    if len(entries) < 2:
        raise _Invalid(element, "a multiple-choice question needs at least two answers")
    single = (_plain(element.find("single")) or "true") not in ("false", "0")
    return choice_fields(entries, single, notes)


def _read_true_false(element: Any, notes: list[str]) -> dict[str, Any]:
    value = None
    for answer in element.findall("answer"):
        text = _plain(answer.find("text")).lower()
        if _fraction(answer) >= 0.9999 and text in ("true", "false"):
            value = text == "true"
        if _formatted(answer.find("feedback"), []):
            note = "the feedback on true and false has no place in quiz"
            if note not in notes:
                notes.append(note)
    if value is None:
        raise _Invalid(element, "neither 'true' nor 'false' is marked right (fraction 100)")
    return {"type": "true_false", "answer": value}


def _read_short_answer(element: Any, notes: list[str]) -> dict[str, Any]:
    accepted = []
    for answer in element.findall("answer"):
        text = _plain(answer.find("text"))
        value = _fraction(answer)
        if value < 0.9999:
            if value > 0:
                notes.append(
                    f"the answer {text!r} earns {value:.0%}: quiz accepts an answer fully or not "
                    "at all, so it is left out"
                )
            continue
        if _formatted(answer.find("feedback"), []):
            notes.append(f"the feedback on the answer {text!r} has no place in quiz")
        if text:
            accepted.append(text)
    if not accepted:
        raise NotHeld("no answer gives full credit")
    fields: dict[str, Any] = {"type": "text", "answer": accepted}
    if _plain(element.find("usecase")) == "1":
        fields["case_sensitive"] = True
    return fields


def _read_numeric(element: Any, notes: list[str]) -> dict[str, Any]:
    kept = None
    for answer in element.findall("answer"):
        text = _plain(answer.find("text"))
        value = _fraction(answer)
        tolerance = _plain(answer.find("tolerance")) or "0"
        if text == "*":
            if _formatted(answer.find("feedback"), []):
                notes.append("the feedback for any other number has no place in quiz")
            continue
        if not _NUMBER.fullmatch(text) or not _NUMBER.fullmatch(tolerance):
            raise _Invalid(answer, f"'{text}' ± '{tolerance}' is not a number and tolerance")
        if value >= 0.9999 and kept is None:
            kept = (float(text), abs(float(tolerance)))
            if _formatted(answer.find("feedback"), []):
                notes.append("the feedback on the number has no place in quiz")
        elif value > 0:
            notes.append(
                f"the further accepted number {text} ± {tolerance} ({value:.0%}) has no place in quiz"
            )
    if kept is None:
        raise NotHeld("no number gives full credit")
    fields: dict[str, Any] = {"type": "numeric", "answer": plain_number(kept[0])}
    if kept[1]:
        fields["tolerance"] = plain_number(kept[1])
    units = element.findall("units/unit")
    for unit in units:
        name = _plain(unit.find("unit_name"))
        multiplier = _plain(unit.find("multiplier")) or "1"
        if (
            "unit" not in fields
            and name
            and _NUMBER.fullmatch(multiplier)
            and float(multiplier) == 1
        ):
            fields["unit"] = name
        elif name:
            notes.append(f"the unit {name!r} (×{multiplier}) has no place in quiz")
    return fields


def _read_ordering(element: Any, notes: list[str]) -> dict[str, Any]:
    answers = element.findall("answer")
    ranked = sorted(
        enumerate(answers), key=lambda pair: (_fraction(pair[1]), pair[0])
    )  # the fraction is the position
    items = [_formatted(answer, notes) for _, answer in ranked]
    if any(not item for item in items):
        raise _Invalid(element, "an item to order is empty")
    grading = _plain(element.find("gradingtype")).upper()
    if grading and grading != _ALL_PAIRS_GRADING:
        notes.append(
            f"Moodle grades it {grading}; quiz gives the share of pairs in the right order"
        )
    select = _plain(element.find("selecttype")).upper()
    count = _plain(element.find("selectcount"))
    if (
        select
        and select not in ("ALL", "EXACT")
        and count.isdigit()
        and 0 < int(count) < len(items)
    ):
        notes.append(f"Moodle shows {count} of the {len(items)} items; quiz shows them all")
    return {"type": "order", "items": items}


def _read_matching(element: Any, notes: list[str]) -> dict[str, Any]:
    """Each subquestion an item, its answer the item's category (an empty subquestion: an extra
    category); left out, with the reason, when it does not fit categorize's limits."""
    question_text = element.find("questiontext")
    # As in Moodle, a subquestion without a format has the question text's.
    text_format = question_text.get("format", "html") if question_text is not None else "html"
    rows = [
        matching.Row(
            _formatted(subquestion, notes, text_format), _plain(subquestion.find("answer/text"))
        )
        for subquestion in element.findall("subquestion")
    ]
    return matching.categorize_fields(rows)


IMPORTS: dict[str, Callable[[Any, list[str]], dict[str, Any]] | Unsupported] = {
    "multichoice": _read_multichoice,
    "truefalse": _read_true_false,
    "shortanswer": _read_short_answer,
    "numerical": _read_numeric,
    "ordering": _read_ordering,
    "matching": _read_matching,
    "match": _read_matching,
    "essay": Unsupported("an essay question (an open answer marked by hand) has no quiz form"),
    "description": Unsupported("a description is not a question"),
    "cloze": Unsupported("an embedded-answers (Cloze) question has no quiz form"),
    "multianswer": Unsupported("an embedded-answers (Cloze) question has no quiz form"),
}
"""Moodle's question types → quiz (the type table, one way); any other type is left out, named."""


# --- writing -------------------------------------------------------------------------------------


def _sub(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    etree = load("lxml.etree", TITLE)
    element = etree.SubElement(parent, tag, **attributes)
    if text is not None:
        element.text = text
    return element


def _text_element(parent: Any, tag: str, text: str, text_format: str = "html") -> Any:
    """<tag format="html"><text>…</text></tag>, HTML in CDATA as Moodle writes it."""
    element = _sub(parent, tag, format=text_format)
    text_node = _sub(element, "text")
    if text:
        etree = load("lxml.etree", TITLE)
        text_node.text = etree.CDATA(text) if text_format == "html" else text
    return element


def _inline_html(text: str) -> str:
    """A short text (an answer) as HTML: escaped, line breaks as <br>, no paragraph."""
    return text_to_html(text)[len("<p>") : -len("</p>")]


def _fraction_text(share: float) -> str:
    text = f"{share * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _write_single(question: SingleChoiceQuestion, element: Any, context: _WriteContext) -> None:
    """One answer at 100 %, the others at 0."""
    right = question.correct_choices
    fractions = ["100" if index in right else "0" for index in range(len(question.choices))]
    _write_choices(question, fractions, True, element, context)


def _write_multiple(question: MultipleChoiceQuestion, element: Any, context: _WriteContext) -> None:
    """quiz's scoring as Moodle's weights: +100/n % for each right answer, −100/n % for a wrong one."""
    right = question.correct_choices
    share = 1 / len(right)
    if len(right) > 10:
        context.losses.append(
            f"{len(right)} right answers weigh {_fraction_text(share)}% each, a grade Moodle does "
            "not list: import it with 'Match grades: nearest grade'"
        )
    fractions = [
        _fraction_text(share if index in right else -share)
        for index in range(len(question.choices))
    ]
    _write_choices(question, fractions, False, element, context)


def _write_choices(
    question: SingleChoiceQuestion | MultipleChoiceQuestion,
    fractions: list[str],
    single: bool,
    element: Any,
    context: _WriteContext,
) -> None:
    _sub(element, "single", "true" if single else "false")
    _sub(element, "shuffleanswers", "true" if context.shuffle else "false")
    _sub(element, "answernumbering", "abc")
    for entry, fraction in zip(question.choices, fractions, strict=True):
        answer = _text_element(element, "answer", _inline_html(entry.text))
        answer.set("fraction", fraction)
        _text_element(answer, "feedback", _inline_html(entry.feedback) if entry.feedback else "")


def _write_true_false(question: TrueFalseQuestion, element: Any, context: _WriteContext) -> None:
    for value in (True, False):
        answer = _sub(
            element,
            "answer",
            fraction="100" if question.answer is value else "0",
            format="moodle_auto_format",
        )
        _sub(answer, "text", "true" if value else "false")
        _text_element(answer, "feedback", "")


def _write_short_answer(question: TextQuestion, element: Any, context: _WriteContext) -> None:
    context.losses.extend(accent_loss(question))
    _sub(element, "usecase", "1" if question.case_sensitive else "0")
    for accepted in question.answer:
        answer = _sub(element, "answer", fraction="100", format="moodle_auto_format")
        _sub(answer, "text", accepted)
        _text_element(answer, "feedback", "")


def _write_numeric(question: NumericQuestion, element: Any, context: _WriteContext) -> None:
    answer = _sub(element, "answer", fraction="100", format="moodle_auto_format")
    _sub(answer, "text", number_text(question.answer))
    _sub(answer, "tolerance", number_text(question.tolerance))
    _text_element(answer, "feedback", "")
    if question.unit:
        unit = _sub(_sub(element, "units"), "unit")
        _sub(unit, "multiplier", "1")
        _sub(unit, "unit_name", question.unit)
        _sub(element, "unitgradingtype", "0")  # the unit is shown, not marked: as in quiz
        _sub(element, "showunits", "0")


def _write_ordering(question: OrderingQuestion, element: Any, context: _WriteContext) -> None:
    _sub(element, "layouttype", "VERTICAL")
    _sub(element, "selecttype", "ALL")
    _sub(element, "selectcount", "0")
    _sub(element, "gradingtype", _ALL_PAIRS_GRADING)
    _sub(element, "showgrading", "SHOW")
    for position, item in enumerate(question.items, start=1):
        answer = _text_element(element, "answer", _inline_html(item))
        answer.set("fraction", str(position))


def _write_categorize(question: CategorizeQuestion, element: Any, context: _WriteContext) -> None:
    """A matching question: each item a subquestion answered by its category, and each category
    no item has an extra answer with an empty subquestion."""
    _sub(element, "shuffleanswers", "true")  # Moodle shuffles the subquestions: quiz the items
    rows = matching.rows_of(question)
    for row in rows:
        subquestion = _text_element(
            element, "subquestion", _inline_html(row.item) if row.item else ""
        )
        _sub(_sub(subquestion, "answer"), "text", row.category)
    if len(rows) < _MOODLE_EDITOR_ANSWERS:
        context.losses.append(
            f"Moodle imports and plays it, but its editing form asks for {_MOODLE_EDITOR_ANSWERS} "
            "answers before it saves a change: add a category no item has if you edit it there"
        )


class _WriteContext:
    def __init__(self, shuffle: bool) -> None:
        self.shuffle = shuffle
        self.losses: list[str] = []


# A writer takes the model of the type its entry names (`Any` lets one table hold them all; a
# test checks each writer's parameter against the type's model in `quiz.core.kinds`) and adds
# the elements particular to its Moodle type.
Writer = Callable[[Any, Any, _WriteContext], None]

# quiz type → (Moodle's question type, the writer of its specific elements)
EXPORTS: dict[str, tuple[str, Writer] | Unsupported] = {
    "single": ("multichoice", _write_single),
    "multiple": ("multichoice", _write_multiple),
    "true_false": ("truefalse", _write_true_false),
    "numeric": ("numerical", _write_numeric),
    "text": ("shortanswer", _write_short_answer),
    "order": ("ordering", _write_ordering),
    "highlight": Unsupported(
        "Moodle has no standard question where students pick words in a passage"
    ),
    "categorize": ("matching", _write_categorize),
}
"""quiz's question types → Moodle XML (the type table, the other way)."""


def write(question_set: QuestionSet) -> Written:
    etree = load("lxml.etree", TITLE)
    root = etree.Element("quiz")
    root.append(
        etree.Comment(
            " " + metadata.encode(metadata.SET_PREFIX, metadata.set_metadata(question_set)) + " "
        )
    )
    category = _sub(root, "question", type="category")
    title = " ".join(question_set.title.split()).replace("/", "//")
    _sub(_sub(category, "category"), "text", f"$course$/top/{title}")
    written = Written(b"")
    base_points = question_set.defaults.points
    for index, question in enumerate(question_set.questions):
        entry = EXPORTS[question.type]
        if isinstance(entry, Unsupported):
            written.losses.append(Loss(index, entry.reason, skipped=True))
            continue
        moodle_type, writer = entry
        quiz_only = metadata.question_metadata(question, _COMMENT_KEYS)
        root.append(etree.Comment(" " + metadata.encode(metadata.QUESTION_PREFIX, quiz_only) + " "))
        element = _sub(root, "question", type=moodle_type)
        _sub(_sub(element, "name"), "text", question.id)
        _text_element(element, "questiontext", text_to_html(question.prompt))
        _text_element(element, "generalfeedback", text_to_html(question.explanation))
        weight = question_set.points_for(question) / base_points
        _sub(element, "defaultgrade", number_text(round(weight, 7)))
        _sub(element, "hidden", "0")
        _sub(element, "idnumber", question.id)
        context = _WriteContext(question_set.defaults.shuffle_choices)
        writer(question, element, context)
        _sub(_sub(_sub(element, "tags"), "tag"), "text", str(question.skill))
        written.losses.extend(Loss(index, what) for what in context.losses)
        written.exported += 1
    written.data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    written.notes.append(
        "each question's skill is a Moodle tag; its evidence and other quiz-only details are "
        "kept in an XML comment above it: quiz reads them back, Moodle ignores them"
    )
    return written


FORMAT = Format(
    name="moodle-xml",
    title=TITLE,
    suffix=".xml",
    binary=False,
    exports=EXPORTS,
    imports=IMPORTS,
    detect=detect,
    read=read,
    write=write,
)
