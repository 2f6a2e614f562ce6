"""What closing a round freezes beyond its own report, and what reopening it lets go.

Other apps register a step in their AppConfig.ready (economy its pages, exchange the units'
workbooks), so followup imports none of them. Steps run in the closing's transaction, in the order
the apps are installed: a step that fails leaves the round open.
"""

from collections.abc import Callable

CloseStep = Callable[..., None]  # step(round) with the round closed and its snapshot stored

_on_close: list[CloseStep] = []
_on_reopen: list[CloseStep] = []


def on_close(step: CloseStep) -> CloseStep:
    if step not in _on_close:
        _on_close.append(step)
    return step


def on_reopen(step: CloseStep) -> CloseStep:
    if step not in _on_reopen:
        _on_reopen.append(step)
    return step


def run_close_steps(round) -> None:
    for step in _on_close:
        step(round)


def run_reopen_steps(round) -> None:
    for step in _on_reopen:
        step(round)
