"""The driver of a browser tab's `quiz play` under `quiz serve`: Textual's web driver, made to
never outlive the server that started it.

Each tab's process talks to the server through its stdin and stdout pipes. When the server
dies, even by SIGKILL (which it cannot catch to stop its children), the tab's process must go
too, or it runs on with no one to play it:

- on Linux the kernel sends it SIGTERM when the server dies (`PR_SET_PDEATHSIG`), which Textual
  turns into a normal exit, so that answers still being written are saved;
- everywhere its stdin reaches end of file when the server is gone, and it then exits the same
  way, or at once after `EXIT_GRACE_SECONDS` if that normal exit hangs.

`quiz serve` selects this driver through `TEXTUAL_DRIVER` and passes its own process id in
`SERVER_PID_VARIABLE` (quiz.tui.web_server).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from typing import Any

from textual import messages
from textual.drivers.web_driver import WebDriver

SERVER_PID_VARIABLE = "QUIZ_SERVE_PID"
"""The environment variable holding the process id of the `quiz serve` that started this tab."""

EXIT_GRACE_SECONDS = 5.0
"""How long a tab whose server is gone may take to save and exit before it is ended at once."""

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_server() -> None:
    """Ask the kernel for SIGTERM when the server dies; exit now if it is already gone.

    A plain ctypes call: the one prctl option needed is not worth a compiled dependency.
    """
    server = os.environ.get(SERVER_PID_VARIABLE, "")
    if not server.isascii() or not server.isdigit():
        return  # not started by `quiz serve`: nothing to follow
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    # The server may have died between starting this process and the call above; this process
    # was then handed to another parent and the death signal will never come.
    if os.getppid() != int(server):
        os._exit(1)


class TabDriver(WebDriver):
    """Textual's web driver, for one tab of `quiz serve`: it exits when the server is gone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        die_with_server()
        super().__init__(*args, **kwargs)

    def run_input_thread(self) -> None:
        """Read the server's packets; their end without a goodbye means the server is gone."""
        super().run_input_thread()
        if self.exit_event.is_set():
            return  # the app is already exiting (the server said quit, or the player left)
        self._app.post_message(messages.ExitApp())
        # The app's normal exit may hang writing to a server that is gone: end it regardless.
        watchdog = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(1,))
        watchdog.daemon = True
        watchdog.start()
