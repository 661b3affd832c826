"""The Textual game: home screen of question sets, player, questions, feedback and results.

Importing this package is cheap; `quiz.tui.app` pulls in Textual and is imported only by the
commands that open the game.
"""
