"""The curation screen's question list: one line per question, status first.

Options are keyed by question id, so a status change redraws one line and the
highlight survives a refilter. Badge colours are component classes (in the
stylesheet); the words themselves carry the meaning without colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from typing import ClassVar

from textual import events
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from quiz.bank.model import Question
from quiz.tui.text import assemble, fit, literal

BADGES = {"draft": "DRAFT", "approved": "OK", "rejected": "REJ"}
TYPE_NAMES = {"choice": "choice", "multi": "multi", "truefalse": "t/f", "text": "text",
              "number": "number", "order": "order"}


class QuestionList(OptionList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "curate-list--draft",
        "curate-list--approved",
        "curate-list--rejected",
        "curate-list--type",
    }

    async def _on_click(self, event: events.Click) -> None:
        """A click picks a question; a second click on it (or a double click) opens it.

        (The stock list opens whatever is clicked, which makes browsing with the
        mouse open an edit form at every click.)
        """
        event.prevent_default()  # instead of the stock handler, not as well as it
        index = event.style.meta.get("option")
        if index is None or self.options[index].disabled:
            return
        again = index == self.highlighted or getattr(event, "chain", 1) > 1
        self.highlighted = index
        if again:
            self.action_select()

    def line_for(self, q: Question) -> Content:
        status = q.status if q.status in BADGES else "draft"
        # Fixed columns, by cells: a status or type the loader let through still fits.
        badge = literal(fit(BADGES.get(q.status, q.status.upper()), 5) + " ",
                        self.get_visual_style(f"curate-list--{status}", partial=True))
        kind = literal(fit(TYPE_NAMES.get(q.type, q.type), 6) + " ",
                       self.get_visual_style("curate-list--type", partial=True))
        return assemble(badge, kind, literal(q.prompt.replace("\n", " ")))

    def show(self, questions: Iterable[Question], highlight: str | None = None) -> None:
        """List ``questions``; highlight ``highlight`` (an id) if it is among them."""
        self.set_options(Option(self.line_for(q), id=q.id) for q in questions)
        if self.option_count:
            index = 0
            if highlight is not None:
                try:
                    index = self.get_option_index(highlight)
                except OptionDoesNotExist:  # not in this view
                    index = 0
            self.highlighted = index
            self.scroll_to_highlight()

    def redraw(self, q: Question) -> None:
        """Redraw one question's line (after a status change or an edit)."""
        with suppress(OptionDoesNotExist):  # not in this view: nothing to redraw
            self.replace_option_prompt(q.id, self.line_for(q))

    @property
    def ids(self) -> list[str]:
        return [o.id for o in self.options if o.id is not None]

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
