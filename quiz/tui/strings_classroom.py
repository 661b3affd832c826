"""Interface strings of the classroom features (saving results, resuming, leaderboards, the
teacher's view), in every language; `strings_en.py` and `strings_fr.py` merge them into
their catalogues."""

EN: dict[str, str] = {
    "key.teacher": "Teacher",
    "key.resume": "Resume",
    "key.restart": "Start again",
    "key.export_leaderboard": "Leaderboard CSV",
    "key.export_report": "Report CSV",
    "key.export_answers": "Answers CSV",
    "key.export_skills": "Skills CSV",
    "key.attempts_mode": "Best/every",
    "command.teacher": "Teacher's view",
    "command.teacher.detail": "Leaderboards of every set and class, and the CSV exports",
    # Saving results.
    "classroom.not_saved.title": "Results not saved",
    "classroom.not_saved": "Your answers could not be saved: {why}\nKeep playing: they are kept, "
    "and saved as soon as the database can take them. Tell your teacher.",
    "classroom.refused": "Some of your answers cannot be saved: {why}\nYou can keep playing; tell "
    "your teacher.",
    "classroom.saved.title": "Results saved",
    "classroom.saved": "All your answers are saved now.",
    # Resuming an unfinished game.
    "resume.question": "You have an unfinished game of this set: {answered} of {total} questions "
    "answered, {score} points. Carry on where you stopped?",
    "resume.resume": "Resume",
    "resume.restart": "Start again",
    "resume.failed": "Your unfinished game could not be resumed ({why}): a new game starts.",
    # The class leaderboard after a game.
    "board.title": "Top scores of class {class_name} on this set",
    "board.title_no_class": "Top scores on this set (players without a class)",
    "board.loading": "Saving your results…",
    "board.unavailable": "No leaderboard: your results are not being saved.",
    "board.not_saved": "Not on the leaderboard yet: {saved} of your {total} answers are saved. The "
    "others are kept and saved when the database can take them (when you play again, or when you "
    "quit).",
    "board.rank": "Your rank: {rank} of {players}.",
    "board.rank_best": "Your best game ranks {rank} of {players}.",
    "board.you": "◀ you",
    "board.rank_column": "Rank",
    "board.player_column": "Player",
    "board.class_column": "Class",
    "board.score_column": "Score",
    "board.correct_column": "Right",
    "board.time_column": "Time (s)",
    "board.finished_column": "Finished",
    # The teacher's view.
    "teacher.title": "Teacher: results and exports",
    "teacher.set": "Set",
    "teacher.class": "Class",
    "teacher.all_classes": "All classes",
    "teacher.no_class": "(no class)",
    "teacher.best": "Best attempt of each player",
    "teacher.every": "Every finished attempt",
    "teacher.no_results": "No game has been saved in {path} yet.",
    "teacher.empty": "No finished game for this choice yet.",
    "teacher.version": "Version {version} · {rows}",
    "teacher.rows.one": "{count} row",
    "teacher.rows.other": "{count} rows",
    "teacher.hint": "L leaderboard · R report · A answers · S skills: download as CSV · "
    "B best or every attempt · Esc back",
    "teacher.exported": "{name}: sent to your downloads.",
    "teacher.saved": "Saved: {path}",
    "teacher.export_failed": "The export failed: {why}",
    # The page of a `quiz serve` tab, and its refusals (quiz/tui/web_server.py).
    "serve.page.starting": "Starting the quiz…",
    "serve.page.hint": "Click once in the page, then play with the keyboard.",
    "serve.page.ended": "This game has ended.",
    "serve.page.play_again": "Play again",
    "serve.page.refused": "The quiz could not start in this tab: every place may be taken, or the "
    "quiz has stopped, or it must be opened at {url}",
    "serve.page.full.one": "The quiz's only place is taken. Try again when its player has "
    "finished.",
    "serve.page.full.other": "All {count} places of the quiz are taken. Try again when a player "
    "has finished.",
    "serve.page.try_again": "Try again",
    "serve.refused.origin": "Refused: a game starts only from the quiz's own page, {url}",
    "serve.refused.full.one": "Full: the only place is taken; try again when its player has "
    "finished.",
    "serve.refused.full.other": "Full: all {count} places are taken; try again when a player has "
    "finished.",
}

FR: dict[str, str] = {
    "key.teacher": "Enseignant",
    "key.resume": "Reprendre",
    "key.restart": "Recommencer",
    "key.export_leaderboard": "Classement CSV",
    "key.export_report": "Rapport CSV",
    "key.export_answers": "Réponses CSV",
    "key.export_skills": "Compétences CSV",
    "key.attempts_mode": "Meilleure/toutes",
    "command.teacher": "Vue enseignant",
    "command.teacher.detail": "Classements de chaque série et classe, et les exports CSV",
    "classroom.not_saved.title": "Résultats non enregistrés",
    "classroom.not_saved": "Tes réponses n’ont pas pu être enregistrées : {why}\nContinue à jouer : "
    "elles sont gardées, et enregistrées dès que la base de résultats peut les prendre. Préviens "
    "ton enseignant.",
    "classroom.refused": "Certaines de tes réponses ne peuvent pas être enregistrées : {why}\nTu "
    "peux continuer à jouer ; préviens ton enseignant.",
    "classroom.saved.title": "Résultats enregistrés",
    "classroom.saved": "Toutes tes réponses sont maintenant enregistrées.",
    "resume.question": "Tu as une partie inachevée de cette série : {answered} questions sur "
    "{total} répondues, {score} points. Reprendre là où tu t’es arrêté ?",
    "resume.resume": "Reprendre",
    "resume.restart": "Recommencer",
    "resume.failed": "Ta partie inachevée n’a pas pu être reprise ({why}) : une nouvelle partie "
    "commence.",
    "board.title": "Meilleurs scores de la classe {class_name} sur cette série",
    "board.title_no_class": "Meilleurs scores sur cette série (joueurs sans classe)",
    "board.loading": "Enregistrement de tes résultats…",
    "board.unavailable": "Pas de classement : tes résultats ne sont pas enregistrés.",
    "board.not_saved": "Pas encore dans le classement : {saved} de tes {total} réponses sont "
    "enregistrées. Les autres sont gardées, et enregistrées dès que la base de résultats peut les "
    "prendre (quand tu rejoues, ou quand tu quittes).",
    "board.rank": "Ton rang : {rank} sur {players}.",
    "board.rank_best": "Ta meilleure partie est classée {rank} sur {players}.",
    "board.you": "◀ toi",
    "board.rank_column": "Rang",
    "board.player_column": "Joueur",
    "board.class_column": "Classe",
    "board.score_column": "Score",
    "board.correct_column": "Justes",
    "board.time_column": "Temps (s)",
    "board.finished_column": "Terminée",
    "teacher.title": "Enseignant : résultats et exports",
    "teacher.set": "Série",
    "teacher.class": "Classe",
    "teacher.all_classes": "Toutes les classes",
    "teacher.no_class": "(sans classe)",
    "teacher.best": "Meilleure partie de chaque joueur",
    "teacher.every": "Toutes les parties terminées",
    "teacher.no_results": "Aucune partie n’est encore enregistrée dans {path}.",
    "teacher.empty": "Aucune partie terminée pour ce choix.",
    "teacher.version": "Version {version} · {rows}",
    "teacher.rows.one": "{count} ligne",
    "teacher.rows.other": "{count} lignes",
    "teacher.hint": "L classement · R rapport · A réponses · S compétences : télécharger en CSV · "
    "B meilleure ou toutes les parties · Échap retour",
    "teacher.exported": "{name} : envoyé dans tes téléchargements.",
    "teacher.saved": "Enregistré : {path}",
    "teacher.export_failed": "L’export a échoué : {why}",
    # La page d’un onglet de `quiz serve`, et ses refus (quiz/tui/web_server.py).
    "serve.page.starting": "Le quiz démarre…",
    "serve.page.hint": "Clique une fois dans la page, puis joue au clavier.",
    "serve.page.ended": "Cette partie est terminée.",
    "serve.page.play_again": "Rejouer",
    "serve.page.refused": "Le quiz n’a pas pu démarrer dans cet onglet : toutes les places sont "
    "peut-être prises, ou le quiz est arrêté, ou il faut l’ouvrir à l’adresse {url}",
    "serve.page.full.one": "L’unique place du quiz est prise. Réessaie quand son joueur aura fini.",
    "serve.page.full.other": "Les {count} places du quiz sont toutes prises. Réessaie quand un "
    "joueur aura fini.",
    "serve.page.try_again": "Réessayer",
    "serve.refused.origin": "Refusé : une partie ne démarre que depuis la page du quiz, {url}",
    "serve.refused.full.one": "Complet : l’unique place est prise ; réessaie quand son joueur "
    "aura fini.",
    "serve.refused.full.other": "Complet : les {count} places sont prises ; réessaie quand un "
    "joueur aura fini.",
}
