"""The experiment layer's lines on stderr, said by one object in one language.

A long run, comparison or sweep tells its operator, on stderr, what a resumed folder kept,
that a Dask scheduler has no workers (and when they are back), that a worker left part-way,
and, when stopped, what the folder keeps. These lines used to be printed wherever they
arose, in English only, one of them in a language set by a module-level global. A
:class:`Reporter` says them all: the command line makes one from ``--lang`` and hands it to
the executor (:func:`sim.experiment.executors.get_executor`), which the runner, the
comparison and the sweep already receive; :func:`reporter_of` finds it there (English when
an executor has none, as one made in Python). The English text is the same as before;
the Chinese is :mod:`sim.cli_zh_progress`'s."""

from __future__ import annotations

import sys
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

LANGS = ("en", "zh")


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Reporter:
    """Says the experiment layer's stderr lines in ``lang`` (``en`` or ``zh``) through
    ``write`` (by default: print on stderr, flushed, so a batch log shows it at once)."""

    lang: str = "en"
    write: Callable[[str], None] = field(default=_stderr, compare=False)

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"unknown language {self.lang!r}; allowed: {', '.join(LANGS)}")

    def say(self, line: str) -> None:
        """Write one line as it is."""
        self.write(line)

    def warning(self, message: str) -> None:
        """A warning of the experiment layer that does not stop it (a results folder resumed
        in another environment: :mod:`sim.made_where`), as ``warning: MESSAGE``; in Chinese
        as the command line says its warnings (:func:`sim.cli_lang.line`)."""
        text = f"warning: {message}"
        if self.lang != "en":
            from sim.cli_lang import line

            text = line(text, self.lang)
        self.write(text)

    def resumed(self, kept: Sequence[Hashable], todo: Sequence[Hashable]) -> None:
        """What a resumed command found finished and kept, and what it runs (nothing for a
        fresh folder): :func:`sim.experiment.resume_tally.resumed_line`."""
        from sim.experiment.resume_tally import resumed_line

        if kept:
            self.write(resumed_line(kept, todo, self.lang))

    def waiting_line(self, where: str, queued: int) -> str:
        """A Dask scheduler at ``where`` that has had no worker for a while."""
        if self.lang == "zh":
            from sim.cli_zh_progress import WAITING

            return WAITING.format(where=where, queued=queued)
        return (f"waiting: the Dask scheduler at {where} has no workers ({queued} "
                f"replication(s) queued); start workers for it (dask worker {where}), or "
                "stop with Ctrl-C (what finished is kept: rerunning into the same results "
                "folder resumes)")

    def back_line(self, where: str, workers: int, queued: int) -> str:
        """Workers came to a scheduler the run said it was waiting for."""
        if self.lang == "zh":
            from sim.cli_zh_progress import BACK

            return BACK.format(where=where, n=workers, queued=queued)
        return (f"workers are back: the Dask scheduler at {where} has {workers} worker(s); "
                f"going on ({queued} replication(s) to go)")

    def departed_line(self, worker: str, where: str, remaining: int, queued: int) -> str:
        """``worker`` left the scheduler at ``where`` part-way; ``remaining`` are left."""
        if self.lang == "zh":
            from sim.cli_zh_progress import departed

            return departed(worker, where, remaining, queued)
        from sim.experiment.dask_departures import departed as english

        return english(worker, where, remaining, queued)

    def interrupted_line(self, signalled: str, kept: int | None, command: str) -> str:
        """A command stopped by ``signalled`` (``interrupted`` or ``terminated``): the
        finished replications its folder ``kept`` (None: no one folder) and the shell
        ``command`` that resumes it ("" when none is known)."""
        if self.lang == "zh":
            from sim.cli_zh_progress import interrupted

            return interrupted(signalled, kept, command)
        held = f"{kept} finished replication(s) kept; " if kept is not None else ""
        how = f"resume it with: {command}" if command else "rerun with the same --out to resume"
        return f"{signalled}; {held}{how}"


#: the reporter of an executor that was given none: English on stderr
ENGLISH = Reporter()


def reporter_of(executor: object) -> Reporter:
    """The :class:`Reporter` handed to ``executor`` (its ``reporter``), else :data:`ENGLISH`."""
    found = getattr(executor, "reporter", None)
    return found if isinstance(found, Reporter) else ENGLISH
