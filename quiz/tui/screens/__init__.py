"""One screen per module: home, player, question, feedback, results, article, help, confirm-quit."""
