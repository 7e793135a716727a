"""The main screen of ``quiz curate``: the questions on the left, the selected one on the right.

Every change (approve, reject, back to draft, edit, undo) is saved at once,
atomically; a save that fails leaves the file as it was, keeps the change in
memory and says so in the top bar until a later save succeeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from quiz.bank.curation import SaveConflict, SaveError
from quiz.textsafe import clean
from quiz.tui.curate.detail import QuestionDetail, load_article_safely
from quiz.tui.curate.edit import EditScreen
from quiz.tui.curate.keys import INTRO, KEYS
from quiz.tui.curate.listing import QuestionList
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.dialogs.help import HelpDialog
from quiz.tui.dialogs.reader import ReaderScreen
from quiz.tui.text import assemble, literal
from quiz.tui.widgets.keybar import KeyFooter

if TYPE_CHECKING:
    from quiz.bank.curation import Curation
    from quiz.bank.model import Question

FILTERS = ("all", "draft", "approved", "rejected")
FILTER_NAMES = {"all": "all", "draft": "drafts", "approved": "approved", "rejected": "rejected"}


class CurateScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "status('approved')", "Approve"),
        Binding("r", "status('rejected')", "Reject"),
        Binding("d", "status('draft')", "Draft"),
        Binding("e", "edit", "Edit"),
        Binding("u", "undo", "Undo"),
        Binding("f", "filter", "Filter"),
        Binding("v", "article", "Read"),
        Binding("s", "save", "Save", show=False),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, curation: Curation, include_rejected: bool = False) -> None:
        super().__init__()
        self.curation = curation
        self.include_rejected = include_rejected
        # Rejected before this session: out of the way unless asked for. Questions
        # rejected here stay listed, so a slip of the finger is seen and undone.
        self.hidden = set() if include_rejected else {
            q.id for q in curation.bank.questions if q.status == "rejected"}
        self.filter = "all"
        self.save_error: str | None = None
        self.autosave = True  # off after the author declines to overwrite a changed file
        self.article, self.article_error = load_article_safely(curation.bank)

    def compose(self) -> ComposeResult:
        with Horizontal(id="curate-top"):
            yield Static(id="curate-title")
            yield Static(id="curate-state")
        with Horizontal(id="curate-body"):
            yield QuestionList(id="curate-list")
            with VerticalScroll(id="curate-detail-scroll"):
                yield QuestionDetail(id="curate-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        drafts = [q.id for q in self.curation.bank.questions if q.status == "draft"]
        self.refill(drafts[0] if drafts else None)  # start where the work is
        self.query_one(QuestionList).focus()

    # -- what is shown ----------------------------------------------------------

    @property
    def question_list(self) -> QuestionList:
        return self.query_one(QuestionList)

    def listed(self) -> list[Question]:
        """The questions the filter lets through, surest first: drafts by the confidence
        the generator gave them (questions a person wrote have none and lead), otherwise
        in file order."""
        qs = best_first(self.curation.bank.questions)
        if self.filter == "all":
            return [q for q in qs if not (q.id in self.hidden and q.status == "rejected")]
        return [q for q in qs if q.status == self.filter]

    def refill(self, highlight: str | None = None) -> None:
        self.question_list.show(self.listed(), highlight)
        self.show_current()
        self.update_bar()

    def current(self) -> Question | None:
        qid = self.question_list.current_id
        return self.curation.question(qid) if qid is not None else None

    def show_current(self) -> None:
        q = self.current()
        warnings = self.curation.warnings(q.id) if q is not None and self.article else []
        self.query_one(QuestionDetail).show(q, self.article, self.article_error, warnings)
        self.query_one("#curate-detail-scroll", VerticalScroll).scroll_home(animate=False)

    def update_bar(self) -> None:
        counts = self.curation.counts()
        self.query_one("#curate-title", Static).update(
            literal(self.curation.bank.title, "bold"))
        tally = (f"{counts['draft']} draft · {counts['approved']} approved · "
                 f"{counts['rejected']} rejected · ")
        if self.save_error is not None:
            state = assemble(tally, literal(f"NOT SAVED: {self.save_error}", "bold reverse"))
        elif self.curation.dirty:
            state = assemble(tally, literal("unsaved (s saves)", "bold"))
        else:
            state = literal(tally + "saved")
        self.query_one("#curate-state", Static).update(state)
        qlist = self.question_list
        qlist.border_title = literal(f"{FILTER_NAMES[self.filter]} ({len(qlist.ids)})")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_current()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_edit()  # Enter or a click on the highlighted line

    # -- changes ------------------------------------------------------------------

    def _after_change(self, qid: str, advance: bool) -> None:
        """Redraw after question ``qid`` changed, save, and move on if asked."""
        ids = self.question_list.ids
        old = ids.index(qid) if qid in ids else -1
        visible = [q.id for q in self.listed()]
        target = qid
        if advance or qid not in visible:
            # The next question after it that is still listed; at the end of the
            # list, it stays put (or, if it left the view, the one before it).
            later = [i for i in ids[old + 1:] if i in visible] if old >= 0 else []
            earlier = [i for i in ids[:max(old, 0)] if i in visible]
            if later:
                target = later[0]
            elif qid not in visible and earlier:
                target = earlier[-1]
        if visible == ids:
            self.question_list.redraw(self.curation.question(qid))
            self.question_list.highlighted = ids.index(target) if target in ids else 0
            self.show_current()
        else:
            self.question_list.show(self.listed(), target)
            self.show_current()
        self.save()

    def action_status(self, status: str) -> None:
        q = self.current()
        if q is None:
            return
        self.curation.set_status(q.id, status)
        self._after_change(q.id, advance=True)  # even if it had it already: move on

    def action_edit(self) -> None:
        q = self.current()
        if q is None:
            return

        def edited(new: Question | None) -> None:
            if new is not None and self.curation.update(new):
                self._after_change(new.id, advance=False)
                self.notify("Question updated and saved." if self.save_error is None
                            else "Question updated (not saved).", markup=False)

        self.app.push_screen(EditScreen(q, self.curation.check), edited)

    def action_undo(self) -> None:
        qid = self.curation.undo()
        if qid is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self.hidden.discard(qid)
        if qid not in {q.id for q in self.listed()}:
            self.filter = "all"  # show what the undo brought back
        self.question_list.show(self.listed(), qid)
        self.show_current()
        self.save()
        self.notify(f"Undone: {qid}", markup=False)

    def action_filter(self) -> None:
        current = self.question_list.current_id
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.refill(current)

    def action_article(self) -> None:
        q = self.current()
        if q is None:
            return
        if self.article is None:
            self.notify(clean(self.article_error or "No article."), severity="error",
                        markup=False)
            return
        spans = [(e.start, e.end) for e in q.evidence if e.start >= 0]
        self.app.push_screen(ReaderScreen(self.article, spans, heading="Evidence"))

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(KEYS, title="Curating a bank", intro=INTRO))

    # -- saving and leaving -------------------------------------------------------

    def action_save(self) -> None:
        self.autosave = True
        self.save(explicit=True)

    def save(self, explicit: bool = False, force: bool = False) -> None:
        if not self.autosave and not explicit:
            self.update_bar()
            return
        try:
            wrote = self.curation.save(force=force)
        except SaveConflict as exc:
            self.save_error = str(exc)
            self.update_bar()
            self._ask_overwrite(str(exc))
            return
        except SaveError as exc:
            self.save_error = str(exc)
            self.notify(clean(f"Not saved: {exc}. Your changes are kept here; press s to "
                              "retry."), severity="error", timeout=8, markup=False)
            self.update_bar()
            return
        self.save_error = None
        if wrote and self.curation.last_save == "rewritten":
            self.notify("The file was rewritten in canonical form (comments are not kept).",
                        markup=False)
        elif explicit and not wrote:
            self.notify("Nothing to save.", markup=False)
        self.update_bar()

    def _ask_overwrite(self, reason: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.save(explicit=True, force=True)
            else:
                self.autosave = False
                self.notify("Not saved. Your changes are kept here; s saves them over the "
                            "file on disk.", severity="warning", timeout=8, markup=False)
                self.update_bar()

        self.app.push_screen(ConfirmDialog(
            f"{reason}.", "Overwrite it with the version shown here? (No keeps your changes "
            "in memory only.)", yes="Overwrite", no="No"), answered)

    def action_quit(self) -> None:
        if not self.curation.dirty:
            self.app.exit(0)
            return
        n = len(self.curation.changed_ids())

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit(0)

        self.app.push_screen(ConfirmDialog(
            "Quit without saving?",
            f"{n} question{'s' * (n != 1)} changed since the last save would be lost.",
            yes="Quit", no="Stay"), answered)


def best_first(questions: list[Question]) -> list[Question]:
    """A stable sort by confidence, highest first; no confidence counts as certain."""
    return sorted(questions, key=lambda q: -(1.0 if q.confidence is None else q.confidence))
