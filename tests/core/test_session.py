"""The game session: phases, timing, seeded shuffles, results and resuming, on real YAML sets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.answers import (
    Answer,
    BooleanAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    grade,
    right_answer,
)
from quiz.core.loader import load_question_set, parse_question_set
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    OrderingQuestion,
    QuestionBase,
    QuestionSet,
    ScoringRule,
    SingleChoiceQuestion,
    TextQuestion,
)
from quiz.core.scoring import max_points
from quiz.core.session import (
    GameSession,
    GameSettings,
    Phase,
    PresentedQuestion,
    QuestionResult,
    SessionError,
)
from quiz.core.skills import Skill

DATA = Path(__file__).parent.parent / "data"
SET_FILE = DATA / "every_type.yaml"
EVERY_TYPE = load_question_set(SET_FILE)


def _variant(**replacements: str) -> QuestionSet:
    """every_type.yaml with some of its lines changed, parsed from text like a real file."""
    text = SET_FILE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return parse_question_set(text, str(SET_FILE), DATA)


SHUFFLED = _variant(**{"shuffle_questions: false": "shuffle_questions: true"})


def _play(
    seed: int | None = None, rule: ScoringRule | None = None, timed: bool = True
) -> GameSession:
    return GameSession(EVERY_TYPE, GameSettings("Ana", seed=seed, rule=rule, timed=timed))


def _wrong_answer(question: QuestionBase) -> Answer:
    """An answer that earns nothing, of the right kind for `question`."""
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        wrong = frozenset(range(len(question.choices))) - question.correct_choices
        return ChoiceAnswer(
            frozenset({min(wrong)}) if isinstance(question, SingleChoiceQuestion) else wrong
        )
    if isinstance(question, OrderingQuestion):
        return OrderAnswer(tuple(reversed(range(len(question.items)))))
    if isinstance(question, HighlightQuestion):
        return HighlightAnswer(frozenset())
    if isinstance(question, TextQuestion):
        return TextAnswer("no idea")
    key = right_answer(question)
    if isinstance(key, BooleanAnswer):
        return BooleanAnswer(not key.value)
    assert isinstance(key, NumberAnswer)
    return NumberAnswer(key.value + 1000)


# --- Phases -----------------------------------------------------------------------------------


def test_a_new_game_is_ready_with_nothing_asked() -> None:
    session = _play(seed=7)
    assert session.phase is Phase.READY
    assert (session.results, session.score, session.streak, session.current) == ((), 0, 0, None)
    assert session.has_next
    assert [q.id for q in session.questions] == [q.id for q in EVERY_TYPE.questions]


def test_a_whole_game_with_exact_scores() -> None:
    session = _play(seed=7)
    assert session.rule is ScoringRule.CLASSIC  # the set's default
    now = 100.0
    for expected_number in range(1, 8):
        shown = session.start_question(now)
        # (Compared in tuples: mypy would keep a narrowed `session.phase` past the next call.)
        assert (session.phase, shown.number, shown.total) == (Phase.ASKING, expected_number, 7)
        now += 5.0
        session.answer(right_answer(shown.question), now)
        assert (session.phase,) == (Phase.ANSWERED,)
        now += 30.0  # reading the feedback does not count
    assert not session.has_next
    result = session.finish()
    assert (session.phase,) == (Phase.FINISHED,)
    assert session.result() is result

    # Right in 5 s of 20: 875 per 1000 points; of 60 (the timeline): 958; plus +5% per answer in a
    # row before this one, up to +25%. The islands question is worth 500.
    assert [r.points for r in result.results] == [
        875 + 0,
        875 + 50,
        875 + 100,
        438 + 75,  # 437.5 rounds half up; streak 4 → 3 × 500 × 0.05
        875 + 200,
        958 + 250,
        875 + 250,
    ]
    assert [r.streak for r in result.results] == [1, 2, 3, 4, 5, 6, 7]
    assert result.total_score == 6696
    assert result.max_possible == 6 * 1250 + 625
    assert (result.correct_count, result.question_count, result.accuracy) == (7, 7, 1.0)
    assert result.total_time == 35.0
    assert (result.player, result.class_name, result.set_id) == ("Ana", None, "every-type")
    assert result.content_hash == EVERY_TYPE.content_hash
    assert result.seed == 7


def test_calls_in_the_wrong_phase_raise_a_session_error() -> None:
    session = _play(seed=1)
    with pytest.raises(SessionError, match="cannot answer in phase READY"):
        session.answer(BooleanAnswer(True), 0.0)
    with pytest.raises(SessionError, match="cannot time out in phase READY"):
        session.time_out(0.0)
    with pytest.raises(SessionError, match="cannot read the result in phase READY"):
        session.result()
    with pytest.raises(SessionError, match="7 question"):
        session.finish()
    shown = session.start_question(0.0)
    with pytest.raises(SessionError, match="cannot start a question in phase ASKING"):
        session.start_question(1.0)
    with pytest.raises(SessionError, match="cannot finish in phase ASKING"):
        session.finish()
    session.answer(right_answer(shown.question), 1.0)
    with pytest.raises(SessionError, match="cannot answer in phase ANSWERED"):
        session.answer(right_answer(shown.question), 2.0)
    with pytest.raises(SessionError, match="6 question"):
        session.finish()


def test_after_the_last_question_start_raises_and_finish_ends() -> None:
    session = _play(seed=1)
    for now in range(7):
        shown = session.start_question(float(now))
        assert session.has_next is (now < 6)
        session.answer(_wrong_answer(shown.question), now + 1.0)
    assert session.phase is Phase.ANSWERED  # the last feedback can still be shown
    with pytest.raises(SessionError, match=r"call finish\(\)"):
        session.start_question(10.0)
    first = session.finish()
    assert session.finish() is first  # finishing twice is harmless
    with pytest.raises(SessionError, match="cannot start a question in phase FINISHED"):
        session.start_question(11.0)
    assert (first.total_score, first.correct_count, first.accuracy) == (0, 0, 0.0)
    assert [r.streak for r in first.results] == [0] * 7


def test_an_answer_of_the_wrong_kind_leaves_the_question_open() -> None:
    session = _play(seed=1)
    session.start_question(0.0)  # "city", a single choice
    with pytest.raises(TypeError, match="takes a ChoiceAnswer"):
        session.answer(TextAnswer("Tokyo"), 1.0)
    with pytest.raises(ValueError, match="choice 9"):
        session.answer(ChoiceAnswer(frozenset({9})), 1.0)
    assert session.phase is Phase.ASKING
    assert session.results == ()
    assert session.answer(ChoiceAnswer(frozenset({0})), 2.0).correct


# --- Time -------------------------------------------------------------------------------------


def test_remaining_time_counts_down_from_the_limit() -> None:
    session = _play(seed=1)
    assert session.remaining(0.0) is None  # nothing asked yet
    shown = session.start_question(50.0)
    assert shown.time_limit == 20
    assert session.remaining(50.0) == 20.0
    assert session.remaining(62.5) == 7.5
    assert session.remaining(90.0) == 0.0
    session.answer(right_answer(shown.question), 55.0)
    assert session.remaining(56.0) is None


def test_a_paused_clock_stops_counting_down_and_the_pause_costs_no_points() -> None:
    session = _play(seed=1)
    shown = session.start_question(50.0)  # a 20-second question
    session.pause_clock(55.0)
    assert session.clock_paused
    assert session.remaining(55.0) == session.remaining(500.0) == 15.0  # the help is open
    session.pause_clock(60.0)  # pausing again does not move the moment it stopped
    session.resume_clock(100.0)
    assert not session.clock_paused
    assert session.remaining(100.0) == 15.0
    assert session.remaining(110.0) == 5.0
    result = session.answer(right_answer(shown.question), 110.0)
    # 15 s of play (5 before the help, 10 after), not 60: 1000 × (1 − 0.5 × 15/20) = 625.
    assert (result.elapsed, result.timed_out, result.points) == (15.0, False, 625)
    assert not session.clock_paused
    session.resume_clock(120.0)  # nothing to resume: no question is asked
    session.start_question(200.0)
    assert session.remaining(210.0) == 20.0 - 10.0  # the next question has its own clock


def test_a_question_paused_past_its_limit_is_not_timed_out() -> None:
    session = _play(seed=1)
    shown = session.start_question(0.0)
    session.pause_clock(19.0)
    session.resume_clock(300.0)
    result = session.answer(right_answer(shown.question), 300.5)
    assert (result.timed_out, result.elapsed) == (False, 19.5)


def test_pausing_is_only_for_a_question_being_asked() -> None:
    session = _play(seed=1)
    with pytest.raises(SessionError, match="cannot pause the clock in phase READY"):
        session.pause_clock(0.0)


def test_a_timed_out_question_scores_zero_and_records_no_answer() -> None:
    session = _play(seed=1)
    session.start_question(0.0)
    session.answer(ChoiceAnswer(frozenset({0})), 1.0)  # streak 1
    session.start_question(10.0)
    result = session.time_out(30.0)
    assert (result.answer, result.answer_text, result.timed_out) == (None, "—", True)
    assert (result.points, result.correct, result.grade.fraction) == (0, False, 0.0)
    assert (result.elapsed, result.streak) == (20.0, 0)
    assert session.streak == 0


def test_an_answer_after_the_limit_counts_as_timed_out() -> None:
    session = _play(seed=1)
    shown = session.start_question(0.0)
    at_the_limit = session.answer(right_answer(shown.question), 20.0)
    assert (at_the_limit.timed_out, at_the_limit.points) == (False, 500)
    shown = session.start_question(100.0)
    late = session.answer(right_answer(shown.question), 120.01)
    assert (late.timed_out, late.answer, late.points, late.correct) == (True, None, 0, False)
    assert late.elapsed == 20.0  # the time spent past the limit is not the player's


def test_untimed_games_have_no_limit_and_no_time_out() -> None:
    session = _play(seed=1, timed=False)
    shown = session.start_question(0.0)
    assert shown.time_limit is None
    assert session.remaining(1000.0) is None
    with pytest.raises(SessionError, match="no time limit"):
        session.time_out(1000.0)
    result = session.answer(right_answer(shown.question), 1000.0)
    assert result.points == 1000  # full speed factor without a clock


def test_practice_has_no_clock_and_no_points_but_still_counts() -> None:
    session = _play(seed=1, rule=ScoringRule.PRACTICE)
    for now in range(7):
        shown = session.start_question(float(now))
        assert (shown.time_limit, shown.max_points) == (None, 0)
        session.answer(right_answer(shown.question), now + 0.5)
    result = session.finish()
    assert result.rule is ScoringRule.PRACTICE
    assert (result.total_score, result.max_possible, result.correct_count) == (0, 0, 7)


def test_accuracy_rule_ignores_speed() -> None:
    session = _play(seed=1, rule=ScoringRule.ACCURACY)
    points = []
    for now in range(7):
        shown = session.start_question(now * 100.0)
        points.append(session.answer(right_answer(shown.question), now * 100.0 + 19.0).points)
    assert points == [1000, 1000, 1000, 500, 1000, 1000, 1000]


def test_partial_credit_reaches_the_score_and_breaks_the_streak() -> None:
    session = _play(seed=1)
    session.start_question(0.0)
    session.answer(ChoiceAnswer(frozenset({0})), 0.0)
    session.start_question(1.0)  # cooperation: Terrorism and Piracy are right
    result = session.answer(ChoiceAnswer(frozenset({0})), 1.0)
    assert (result.grade.fraction, result.correct, result.points, result.streak) == (
        0.5,
        False,
        500,
        0,
    )
    assert result.answer_text == "Terrorism"


# --- Settings ---------------------------------------------------------------------------------


def test_names_are_cleaned_at_the_boundary() -> None:
    settings = GameSettings("  Ana\x1b[2J \u202e Lee\n", class_name=" \x00 ")
    assert settings.player == "Ana[2J Lee"
    assert settings.class_name is None
    assert GameSettings("Bo", class_name=" 4e\tB ").class_name == "4e B"
    with pytest.raises(ValueError, match="player name is needed"):
        GameSettings(" \x1b \n")


def test_a_seedless_game_draws_a_seed_it_can_be_resumed_with() -> None:
    session = _play()
    assert isinstance(session.seed, int)
    first = session.start_question(0.0)
    same = _play(seed=session.seed).start_question(0.0)
    assert first == same


# --- Shuffling --------------------------------------------------------------------------------


def _presented_order(question_set: QuestionSet, seed: int) -> list[str]:
    session = GameSession(question_set, GameSettings("Ana", seed=seed))
    ids = []
    while session.has_next:
        shown = session.start_question(0.0)
        ids.append(shown.question.id)
        session.answer(right_answer(shown.question), 0.0)
    return ids


def test_questions_keep_the_file_order_unless_the_set_shuffles_them() -> None:
    file_order = [q.id for q in EVERY_TYPE.questions]
    assert _presented_order(EVERY_TYPE, 3) == file_order
    orders = {tuple(_presented_order(SHUFFLED, seed)) for seed in range(5)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(file_order) for order in orders)
    assert _presented_order(SHUFFLED, 3) == _presented_order(SHUFFLED, 3)


def test_choices_keep_the_file_order_unless_the_set_shuffles_them() -> None:
    plain = _variant(**{"shuffle_choices: true": "shuffle_choices: false"})
    shown = GameSession(plain, GameSettings("Ana", seed=5)).start_question(0.0)
    assert shown.choice_order == (0, 1, 2, 3)
    orders = {
        GameSession(EVERY_TYPE, GameSettings("Ana", seed=seed)).start_question(0.0).choice_order
        for seed in range(8)
    }
    assert len(orders) > 1


def test_questions_without_choices_or_items_present_none() -> None:
    session = _play(seed=1)
    for _ in range(7):
        shown = session.start_question(0.0)
        question = shown.question
        assert bool(shown.choice_order) is isinstance(
            question, SingleChoiceQuestion | MultipleChoiceQuestion
        )
        assert bool(shown.item_order) is isinstance(question, OrderingQuestion)
        assert len(shown.displayed_choices) == len(shown.choice_order)
        assert [i for i, _ in shown.displayed_items] == list(shown.item_order)
        session.answer(right_answer(question), 0.0)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**64))
def test_shuffling_never_changes_which_answer_is_right(seed: int) -> None:
    session = GameSession(SHUFFLED, GameSettings("Ana", seed=seed))
    while session.has_next:
        shown = session.start_question(0.0)
        question = shown.question
        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            assert sorted(shown.choice_order) == list(range(len(question.choices)))
            # The player clicks the display positions of the choices the file marks right...
            texts = [c.text for c in question.choices]
            keyed = {texts[i] for i in question.correct_choices}
            clicked = [p for p, (_, c) in enumerate(shown.displayed_choices) if c.text in keyed]
            # ...which map back to exactly the key.
            given_answer = ChoiceAnswer(frozenset(shown.choice_order[p] for p in clicked))
            assert grade(question, given_answer).correct
            assert session.answer(given_answer, 1.0).correct
        elif isinstance(question, OrderingQuestion):
            assert sorted(shown.item_order) == list(range(len(question.items)))
            assert shown.item_order != tuple(range(len(question.items)))
            # Putting the shown items back in the file's order is the right answer.
            assert session.answer(OrderAnswer(tuple(sorted(shown.item_order))), 1.0).correct
        else:
            session.answer(right_answer(question), 1.0)
    assert session.finish().correct_count == 7


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32))
def test_a_two_item_ordering_is_never_shown_in_order(seed: int) -> None:
    two_items = _variant(
        **{
            '      - The first "2+2" meeting in Tokyo\n': "",
            "Put these events in order": "Put these two events in order",
        }
    )
    session = GameSession(two_items, GameSettings("Ana", seed=seed))
    while session.has_next:
        shown = session.start_question(0.0)
        if isinstance(shown.question, OrderingQuestion):
            assert shown.item_order == (1, 0)
        session.answer(right_answer(shown.question), 0.0)


# --- Totals, for any play ---------------------------------------------------------------------

PLAYS = st.lists(
    st.tuples(st.sampled_from(["right", "wrong", "timeout"]), st.floats(0.0, 70.0)),
    min_size=7,
    max_size=7,
)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    rule=st.sampled_from(ScoringRule),
    plays=PLAYS,
)
def test_the_total_is_the_sum_and_each_score_is_in_bounds(
    seed: int, rule: ScoringRule, plays: list[tuple[str, float]]
) -> None:
    session = GameSession(SHUFFLED, GameSettings("Ana", seed=seed, rule=rule))
    now = 0.0
    for what, seconds in plays:
        shown = session.start_question(now)
        now += seconds
        if what == "timeout" and shown.time_limit is not None:
            result = session.time_out(now)
        elif what == "wrong":
            result = session.answer(_wrong_answer(shown.question), now)
        else:
            result = session.answer(right_answer(shown.question), now)
        assert 0 <= result.points <= max_points(rule, shown.points) == result.max_points
        if result.timed_out:
            assert (result.points, result.answer, result.correct) == (0, None, False)
    game = session.finish()
    assert game.total_score == sum(r.points for r in game.results)
    assert game.max_possible == sum(r.max_points for r in game.results)
    assert 0 <= game.total_score <= game.max_possible
    assert game.correct_count == sum(r.correct for r in game.results)
    assert sum(s.asked for s in game.skills.values()) == 7
    assert sum(s.points for s in game.skills.values()) == game.total_score


def test_the_skill_breakdown_is_in_vocabulary_order() -> None:
    session = GameSession(SHUFFLED, GameSettings("Ana", seed=11))
    while session.has_next:
        shown = session.start_question(0.0)
        if shown.question.skill is Skill.CONTEXT and shown.question.id == "timeline":
            session.answer(_wrong_answer(shown.question), 0.0)
        else:
            session.answer(right_answer(shown.question), 0.0)
    skills = session.finish().skills
    assert list(skills) == [
        Skill.COMPREHENSION,
        Skill.CONTEXT,
        Skill.SOURCING,
        Skill.FACT_VS_OPINION,
        Skill.MISSING_VOICES,
    ]
    comprehension = skills[Skill.COMPREHENSION]  # city (1000 points) and islands (500)
    assert (comprehension.asked, comprehension.correct, comprehension.max_points) == (2, 2, 1875)
    assert comprehension.accuracy == 1.0
    context = skills[Skill.CONTEXT]
    assert (context.asked, context.correct, context.accuracy) == (2, 1, 0.5)
    assert context.max_points == 2500


# --- Resuming after a crash -------------------------------------------------------------------


def _play_pattern(
    session: GameSession, first: int, stop: int
) -> tuple[list[PresentedQuestion], list[QuestionResult]]:
    """Play questions `first` to `stop - 1` in a fixed pattern, at times that depend only on the
    question's index: right answers, but a wrong one at the third and a time-out at the fourth."""
    shown_list, results = [], []
    now = sum(3.0 + i for i in range(first))
    for i in range(first, stop):
        shown = session.start_question(now)
        shown_list.append(shown)
        now += 3.0 + i
        if i == 2:
            results.append(session.answer(_wrong_answer(shown.question), now))
        elif i == 3:
            results.append(session.time_out(now + 100))
        else:
            results.append(session.answer(right_answer(shown.question), now))
    return shown_list, results


@pytest.mark.parametrize("answered", [0, 1, 3, 5, 7])
def test_a_resumed_game_ends_exactly_like_an_uninterrupted_one(answered: int) -> None:
    settings = GameSettings("Ana", "4e B", seed=42)
    uninterrupted = GameSession(SHUFFLED, settings)
    shown_whole, whole = _play_pattern(uninterrupted, 0, 7)
    expected = uninterrupted.finish()

    _, saved = _play_pattern(GameSession(SHUFFLED, settings), 0, answered)
    resumed = GameSession.resume(SHUFFLED, settings, saved)
    assert resumed.phase is (Phase.ANSWERED if answered else Phase.READY)
    assert resumed.results == tuple(whole[:answered])
    assert resumed.streak == (whole[answered - 1].streak if answered else 0)
    assert resumed.has_next is (answered < 7)

    shown_rest, rest = _play_pattern(resumed, answered, 7)
    assert shown_rest == shown_whole[answered:]  # same questions, same shuffles
    assert saved + rest == whole
    assert resumed.finish() == expected


def test_resume_recomputes_grades_and_points_from_the_saved_answers() -> None:
    crashed = _play(seed=9)
    saved = _play_pattern(crashed, 0, 2)[1]
    tampered = [
        QuestionResult(
            question_id=r.question_id,
            skill=r.skill,
            answer=r.answer,
            answer_text="anything",
            grade=r.grade,
            timed_out=r.timed_out,
            elapsed=r.elapsed,
            points=99_999,
            max_points=r.max_points,
            streak=40,
        )
        for r in saved
    ]
    resumed = GameSession.resume(EVERY_TYPE, GameSettings("Ana", seed=9), tampered)
    assert resumed.results == tuple(saved)


def test_resume_refuses_answers_of_another_set_or_seed() -> None:
    saved = _play_pattern(GameSession(SHUFFLED, GameSettings("Ana", seed=1)), 0, 3)[1]
    other_seed = next(
        s
        for s in range(2, 50)
        if _presented_order(SHUFFLED, s)[:3] != [r.question_id for r in saved]
    )
    with pytest.raises(SessionError, match="the set or the seed changed"):
        GameSession.resume(SHUFFLED, GameSettings("Ana", seed=other_seed), saved)
    with pytest.raises(SessionError, match="needs the seed"):
        GameSession.resume(SHUFFLED, GameSettings("Ana"), saved)
    too_many = saved * 3
    with pytest.raises(SessionError, match="9 saved answers for a game of 7 questions"):
        GameSession.resume(SHUFFLED, GameSettings("Ana", seed=1), too_many)


def test_resume_refuses_a_saved_answer_that_does_not_fit_its_question() -> None:
    saved = _play_pattern(_play(seed=1), 0, 2)[1]
    wrong_kind = replace(saved[1], answer=TextAnswer("Terrorism"))
    with pytest.raises(SessionError, match="saved answer 2 does not fit question 'cooperation'"):
        GameSession.resume(EVERY_TYPE, GameSettings("Ana", seed=1), [saved[0], wrong_kind])


def test_resume_treats_a_saved_late_answer_as_timed_out() -> None:
    saved = _play_pattern(_play(seed=1), 0, 1)[1]
    late = replace(saved[0], elapsed=25.0)  # the limit is 20 s
    (result,) = GameSession.resume(EVERY_TYPE, GameSettings("Ana", seed=1), [late]).results
    assert (result.timed_out, result.answer, result.points, result.elapsed) == (True, None, 0, 20.0)
