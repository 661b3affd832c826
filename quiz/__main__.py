"""`python -m quiz` is the `quiz` command."""

from quiz.cli import main

main()
