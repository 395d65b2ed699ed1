"""The rolescope wizard. The app owns the session: steps post each edit up as a
message, the app applies it (undo recorded, draft written in a worker) and hands
the new state down to the gauge and the steps. Everything that touches the disk
runs in workers, one at a time; a failure is shown, never dropped."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from rolescope.catalog import Catalog, load_catalog
from rolescope.errors import RolescopeError, SpecError
from rolescope.markdown import one_line
from rolescope.session import ConflictError, Draft, ExistsError, Session
from rolescope.spec import RoleSpec
from rolescope.specio import read_spec
from rolescope.tui.attention import step_needing_attention
from rolescope.tui.chrome import KeyFooter, WizardHeader
from rolescope.tui.gauge import SplitGauge
from rolescope.tui.screens.dialogs import Choice, ChoiceScreen, ErrorScreen
from rolescope.tui.screens.help import HelpScreen
from rolescope.tui.screens.open import OpenScreen
from rolescope.tui.screens.presets import BLANK_ROLE, PresetScreen
from rolescope.tui.steps.base import Step
from rolescope.tui.steps.company import CompanyStep
from rolescope.tui.steps.description import DescriptionStep
from rolescope.tui.steps.interview import InterviewStep
from rolescope.tui.steps.recommendation import RecommendationStep
from rolescope.tui.steps.save import SaveStep
from rolescope.tui.steps.work import WorkStep
from rolescope.tui.text import display_path
from rolescope.userconfig import UserConfig, load_config, save_config
from rolescope.writer import RolePlan

STEPS = (
    ("company", "1 Company", CompanyStep),
    ("work", "2 Work", WorkStep),
    ("recommendation", "3 Verdict", RecommendationStep),
    ("interview", "4 Interview", InterviewStep),
    ("description", "5 Description", DescriptionStep),
    ("save", "6 Save", SaveStep),
)
STEP_IDS = [step_id for step_id, _, _ in STEPS]
STEP_CLASSES: dict[str, type[Step]] = {step_id: step_class for step_id, _, step_class in STEPS}


class StepTabs(TabbedContent):
    """The wizard's steps. A step is chosen by its key, its tab or the palette, never
    by where focus lands: a field focused late (at start-up, as a dialog closes)
    would otherwise pull its step to the front over the one the lead asked for."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        event.stop()
        event.prevent_default()


class WizardScreen(Screen[None]):
    # The wizard chooses what has focus (the step's first field): Textual's own
    # pick, landing after ours, would take it to the tab bar.
    AUTO_FOCUS = ""


class RolescopeApp(App[int]):
    CSS_PATH = "wizard.tcss"
    TITLE = "rolescope"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("ctrl+s", "save", "Save", id="app.save", priority=True),
        # Inputs take ctrl+e for end-of-line; the End key still does that there.
        Binding("ctrl+e", "export", "Export", id="app.export", priority=True),
        Binding("ctrl+o", "open", "Open", id="app.open", show=False),
        Binding("ctrl+n", "new_from_preset", "New", id="app.new", show=False),
        # Step keys win over the focused widget: TextArea takes F6/F7 for selecting,
        # and a step key that only works outside text boxes is a trap.
        Binding("ctrl+pagedown", "step(1)", "Next step", id="app.next", show=False, priority=True),
        Binding("ctrl+pageup", "step(-1)", "Previous step", id="app.previous", show=False, priority=True),
        *[
            Binding(f"f{n + 2}", f"go('{step_id}')", f"Step {n + 1}", id=f"app.go.{step_id}", show=False, priority=True)
            for n, step_id in enumerate(STEP_IDS)
        ],
        # One history for every field: text boxes' own undo would fork it.
        Binding("ctrl+z", "undo", "Undo", id="app.undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        spec_path: str | None = None,
        presets: tuple[str, ...] = (),
        catalog: Catalog | None = None,
        preset: str | None = None,
        imported: RoleSpec | None = None,
    ):
        super().__init__()
        self.catalog = catalog or load_catalog(tuple(presets))
        self.open_errors: list[str] = []
        self.config, self.config_problem = load_config()
        self._config_failed = False
        # The step a step key asked for, until its focus and scroll have landed.
        self._arriving: str | None = None
        # Keys typed while that step had no focus yet (still being built): they wait
        # for its field, in order, instead of going to no one.
        self._held_keys: list[events.Key] = []
        self._steps_found: dict[str, Step] = {}
        # Steps are built when first wanted (the one shown first at start, the others
        # in idle time after the first paint or when visited); `_steps_ready` have their state.
        self._steps_ready: set[str] = set()
        # Where the Save step says the spec and the export go, as typed (None: not typed).
        self._save_path_typed: str | None = None
        self._export_dir_typed: str | None = None
        # Disk work runs in workers, one job at a time: drafts, then saves and exports.
        self._disk = asyncio.Lock()
        self._draft_wanted = False
        self._drafting = False
        self._writing = False
        self._leaving = False
        self.session = self._own(self._open_session(spec_path))
        self.from_preset = preset is not None
        if preset is not None:
            # A new, unsaved role that starts as the example: saving asks where.
            self.session.spec = read_spec(self.catalog.roles[preset])
        # A role drafted from a posting: new and unsaved, opened on its tasks.
        self.from_posting = imported is not None
        if imported is not None:
            self.session.spec = imported
        if self.session.path is not None and self.session.path.exists():
            self.remember(self.session.path)

    def _own(self, session: Session) -> Session:
        # The wizard writes drafts itself, in a worker: never on the UI loop.
        session.write_drafts = False
        return session

    def _open_session(self, spec_path: str | None) -> Session:
        if spec_path is None:
            return Session(self.catalog)
        path = Path(spec_path)
        if not path.exists():
            # A new file: start empty, save there.
            return Session.new_file(path, self.catalog)
        try:
            return Session.open(path, self.catalog)
        except SpecError as error:
            # Nothing is lost: the bad file is not the session's path, so it is never overwritten.
            self.open_errors = [*error.lines]
            return Session(self.catalog)

    # ------------------------------------------------------------ layout

    def get_default_screen(self) -> Screen[None]:
        return WizardScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield WizardHeader([(step_id, label) for step_id, label, _ in STEPS], id="header")
        yield SplitGauge(id="gauge")
        # Only the step shown first is composed: the first frame waits for nothing else.
        self._opening = "work" if self.from_posting else self.first_step(from_preset=self.from_preset)
        with StepTabs(id="steps", initial=self._opening):
            for step_id, label, step_class in STEPS:
                with TabPane(label, id=step_id):
                    if step_id == self._opening:
                        yield step_class(self.session, id=f"step-{step_id}")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        if self.config_problem:
            self.tell(self.config_problem, severity="warning", timeout=8)
        # The step composed first filled itself as it mounted.
        self._steps_ready.add(self._opening)
        self._show_gauge()
        # The other steps are built after the first paint, one per refresh.
        self.call_after_refresh(self._build_next)
        if self.open_errors:
            self.push_screen(
                ErrorScreen("This spec could not be opened; you are on a new, empty one.", self.open_errors)
            )
        self._offer_drafts(self.session.find_drafts())
        # Start where the lead can act; a step key pressed before this wins.
        if self._arriving is None:
            self.action_go(self._opening)

    def first_step(self, *, from_preset: bool = False) -> str:
        """Where a role opens: an example on its company (it is the lead's to make
        their own), a spec on the first step with a problem, else its verdict; an
        empty role on the company name, ready for typing."""
        if from_preset or not self.session.spec.tasks:
            return "company"
        return step_needing_attention(self.session, STEP_IDS) or "recommendation"

    # ------------------------------------------------------------ remembered settings

    def _theme_chosen(self, _theme: object) -> None:
        if self.theme != self.config.theme:
            self._keep_config(UserConfig(theme=self.theme, recent=self.config.recent))

    def remember(self, path: Path) -> None:
        """Put a spec first among the recent ones Ctrl+O offers."""
        self._keep_config(self.config.opened(path))

    def _keep_config(self, config: UserConfig) -> None:
        self.config = config
        try:
            save_config(config)
        except OSError as error:
            # Settings are a convenience: say once that they are not kept, and carry on.
            if not self._config_failed and self.is_running:
                self.tell(f"Settings are not kept between runs: {error.strerror or error}", severity="warning")
            self._config_failed = True

    def _offer_drafts(self, drafts: list[Draft]) -> None:
        """Ask about each draft a crashed or killed wizard left of this spec, newest
        first. Drafts of wizards still running are theirs, and never offered."""
        if not drafts:
            return
        draft, rest = drafts[0], drafts[1:]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(draft.saved_at))
        where = draft.source or "a new, unsaved spec"
        body = f"A draft of {where} from {when} was not saved."
        choices: list[Choice] = [("restore", "Restore the draft", "primary")]
        if draft.file_changed and draft.source:
            # Restoring over it would lose what was written there since: keep both by default.
            body += (
                f"\n{Path(draft.source).name} has changed on disk since the draft was made."
                " Restore it as a copy beside the file (the file is left as it is), or restore it"
                " in place of the file's new contents (saving then replaces the file)?"
            )
            choices = [("copy", "Restore as a copy", "primary"), ("restore", "Restore in its place", "warning")]
        else:
            body += " Restore it?"
        self.push_screen(
            ChoiceScreen(
                "Restore unsaved work?",
                body,
                [*choices, ("discard", "Discard it", "error"), ("keep", "Decide later", "default")],
                cancel_id="keep",
            ),
            self._draft_answer(draft, rest),
        )

    def _draft_answer(self, draft: Draft, rest: list[Draft]):
        def answer(choice: str | None) -> None:
            if choice in ("restore", "copy"):
                if choice == "copy":
                    copy = self.session.restore_draft_as_copy(draft)
                    self.tell(f"Draft restored as a new file: Ctrl+S saves it as {copy.name}.")
                else:
                    self.session.restore_draft(draft)
                    self.tell("Draft restored.")
                self.load_all()
                self._want_draft()
                # One draft on screen at a time: the others wait for the next start.
                for other in rest:
                    self.session.keep_found_draft(other)
                if rest:
                    self.tell(f"{len(rest)} more draft(s) of this spec are kept for the next start.", timeout=8)
                return
            if choice == "discard":
                self.session.discard_found_draft(draft)
            else:
                # Not decided now: it stays as it is, under its own name, and is offered next time.
                self.session.keep_found_draft(draft)
            self._offer_drafts(rest)

        return answer

    def _want_draft(self) -> None:
        """Keep the spec as it is now in the session's draft, in a worker; a burst
        of edits writes the newest spec once the write under way is done."""
        self._draft_wanted = True
        if not self._drafting:
            self._drafting = True
            self.run_worker(self._write_drafts(), group="drafts", exit_on_error=False)

    async def _write_drafts(self) -> None:
        try:
            while self._draft_wanted:
                self._draft_wanted = False
                session, spec = self.session, self.session.spec
                async with self._disk:
                    if self._leaving:
                        return
                    if session.dirty:
                        await asyncio.to_thread(session.drafts.write, spec, session.path, session.disk_fingerprint)
                    else:
                        # Nothing unsaved (saved, or undone back to the file): no draft to offer.
                        await asyncio.to_thread(session.discard_draft)
                self._draft_news()
        finally:
            self._drafting = False

    def _draft_news(self) -> None:
        """Say when drafts stop being saved, and when they work again: once each."""
        news = self.session.drafts.take_news()
        if news is None:
            return
        if self.session.drafts.error:
            self.tell(news, severity="error", timeout=10)
        else:
            self.tell(news, timeout=4)

    def on_unmount(self) -> None:
        # However the wizard ends, its draft's lock goes: an unsaved draft is offered next time.
        self.session.close()

    @property
    def steps(self) -> list[Step]:
        """The steps built so far that have their state."""
        return [step for step_id, step in self._mounted_steps().items() if step_id in self._steps_ready]

    def _step(self, step_id: str) -> Step | None:
        return self._mounted_steps().get(step_id) if step_id in self._steps_ready else None

    def _mounted_steps(self) -> dict[str, Step]:
        """The steps mounted so far, by id, in their order. Looked up in the DOM until
        all are built, then kept: every keystroke asks for them, and a query walks
        every widget of the wizard."""
        if len(self._steps_found) < len(STEP_IDS):
            self._steps_found = {step.id[5:]: step for step in self.query(Step) if step.id is not None}
        return self._steps_found

    def _build(self, step_id: str) -> None:
        """Build a step not built yet; it takes its state when mounted (`_step_built`)."""
        pane = self.query_one(f"#{step_id}", TabPane)
        if not pane.query(Step):
            pane.mount(STEP_CLASSES[step_id](self.session, id=f"step-{step_id}"))

    def _build_next(self) -> None:
        if self._leaving:
            return  # quitting: a step mounted now would meet panes being taken down
        unbuilt = [step_id for step_id in STEP_IDS if not self.query_one(f"#{step_id}", TabPane).query(Step)]
        if unbuilt:
            self._build(unbuilt[0])

    @on(Step.Built)
    def _step_built(self, message: Step.Built) -> None:
        if self._leaving:
            return
        step = message.step
        step_id = (step.id or "")[5:]
        self._steps_ready.add(step_id)
        if step.session is not self.session or step.spec is not self.session.spec:
            step.refill(self.session)  # changed while it was being built
            step.present(self.session, self.session.recommendation)
        on_screen = self.query_one(TabbedContent).active == step_id
        if on_screen and not step.on_screen:
            step.on_screen = True
            step.present(self.session, self.session.recommendation)  # its costly parts too
        if self._arriving == step_id and self.screen is self.screen_stack[0]:
            step.focus_first()  # before it is first drawn: keys typed once it shows land in it
        self.call_after_refresh(self._build_next)

    def load_all(self) -> None:
        """The spec changed wholesale (opened, restored, undone): refill every input.
        Steps fill their inputs with Changed messages prevented, so nothing typed
        right after is lost and nothing filled in is taken for an edit."""
        for step in self.query(Step):
            if step.id is not None:
                self._steps_ready.add(step.id[5:])
        for step in self.steps:
            step.refill(self.session)
        self.show_all()

    @property
    def settled(self) -> bool:
        """Nothing the lead asked for is still on its way to the screen or the disk:
        every step is built, the step a key chose has its focus, every step shows
        the current spec, and no draft, save or export is being written."""
        if self._arriving is not None or self._drafting or self._writing or len(self._steps_ready) < len(STEP_IDS):
            return False
        if self.screen is self.screen_stack[0]:
            active = self.query_one(f"#step-{self.query_one(TabbedContent).active}", Step)
            focused = self.focused
            if focused is None or active not in focused.ancestors_with_self:
                return False
        return all(step.settled for step in self.steps)

    def show_all(self) -> None:
        self._show_gauge()
        for step in self.steps:
            step.present(self.session, self.session.recommendation)

    def _show_gauge(self) -> None:
        self.query_one(SplitGauge).show(
            self.session.recommendation, self.session.spec.total_weeks, self.catalog.thresholds.weeks.available
        )
        self._update_title()

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "new role"
        self.sub_title = one_line(name) + (" •" if self.session.dirty else "")
        self.query_one(WizardHeader).show(self.sub_title, self.query_one(TabbedContent).active or STEP_IDS[0])

    def get_key_display(self, binding: Binding) -> str:
        # Narrow footers: "⇧↑" says shift+up in a third of the room.
        return super().get_key_display(binding).replace("shift+", "⇧")

    def tell(self, message: str, **options: Any) -> None:
        """A notification: plain text, never markup (a path may hold `[/]`), with any
        control characters shown, not obeyed."""
        self.notify(one_line(message), markup=False, **options)

    # ------------------------------------------------------------ messages from the steps

    @on(Step.Edited)
    def _step_edited(self, message: Step.Edited) -> None:
        self.apply_edit(message.spec, message.group)

    @on(Step.FieldLeft)
    def _field_left(self) -> None:
        self.session.history.seal()

    @on(Step.Tell)
    def _step_tells(self, message: Step.Tell) -> None:
        if message.timeout is None:
            self.tell(message.text, severity=message.severity)
        else:
            self.tell(message.text, severity=message.severity, timeout=message.timeout)

    @on(Step.Act)
    def _step_acts(self, message: Step.Act) -> None:
        actions = {"save": self.action_save, "export": self.action_export, "save_split": self.action_save_split}
        actions[message.action]()

    @on(SaveStep.PathsChanged)
    def _paths_typed(self, message: SaveStep.PathsChanged) -> None:
        self._save_path_typed, self._export_dir_typed = message.save_path, message.export_dir

    @on(Step.GoTo)
    def _step_goes_to(self, message: Step.GoTo) -> None:
        if message.step_id != self.query_one(TabbedContent).active:
            self.action_go(message.step_id)

        def reveal() -> None:
            step = self._step(message.step_id)
            if step is None:  # still being built: look again after the next frame
                self.call_after_refresh(reveal)
                return
            step.reveal(message.selector, message.task, message.field, message.line)

        reveal()

    # ------------------------------------------------------------ edits

    def apply_edit(self, spec: RoleSpec, group: str | None = None) -> None:
        """One change from a step; see Session.update for how `group` makes undo steps."""
        if spec == self.session.spec:
            return
        self.session.update(spec, group)
        self._want_draft()
        self.show_all()

    def action_undo(self) -> None:
        if self.session.undo():
            self._want_draft()
            self.load_all()
        else:
            self.tell("Nothing to undo.", timeout=2)

    def action_redo(self) -> None:
        if self.session.redo():
            self._want_draft()
            self.load_all()
        else:
            self.tell("Nothing to redo.", timeout=2)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            self._put_on_screen(event.pane.id)

    def _put_on_screen(self, step_id: str) -> None:
        """Mark which step is on screen and draw it if it just arrived (its costly
        parts wait until then)."""
        self._update_title()
        for step in self.steps:
            arriving = step.id == f"step-{step_id}" and not step.on_screen
            step.on_screen = step.id == f"step-{step_id}"
            if arriving:
                step.present(self.session, self.session.recommendation)

    # ------------------------------------------------------------ navigation

    def action_go(self, step_id: str) -> None:
        """Show a step and focus its first field once it is laid out. The latest
        step asked for wins: an earlier one still settling gives way."""
        self.query_one(TabbedContent).active = step_id
        self._arriving = step_id
        self._put_on_screen(step_id)
        if self._step(step_id) is None:
            self._build(step_id)
        elif self.screen is self.screen_stack[0]:
            self.query_one(f"#step-{step_id}", Step).focus_first()

        def land() -> None:
            if self._arriving != step_id:
                return
            step = self._step(step_id)
            if step is None:  # still being built
                self.call_after_refresh(land)
                return
            focused = step.screen.focused
            if focused is None or step not in focused.ancestors_with_self:
                # Focus is applied a moment later, and refused while the step is
                # still being laid out: ask, then look again after the next frame.
                step.focus_first()
                self.call_after_refresh(land)
                return
            # A step always opens at its top, whatever focusing scrolled.
            step.scroll_home(animate=False)
            self._arriving = None
            self._release_keys()

        self.call_after_refresh(land)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._keys_wait():
            self._held_keys.append(event)
            return
        await super().on_event(event)

    def _keys_wait(self) -> bool:
        """Whether a key typed now must wait: the step a key chose has no focus yet
        (a step built on first visit takes a moment on a busy machine), or keys
        typed earlier are still waiting and this one must follow them."""
        if self.screen is not self.screen_stack[0]:  # a dialog takes its keys at once
            return False
        if self._held_keys:
            return True
        if self._arriving is None:
            return False
        step = self._step(self._arriving)
        focused = self.focused
        return step is None or focused is None or step not in focused.ancestors_with_self

    def _release_keys(self) -> None:
        held, self._held_keys = self._held_keys, []
        for key in held:
            self.post_message(events.Key(key.key, key.character))

    def action_step(self, offset: int) -> None:
        tabs = self.query_one(TabbedContent)
        index = STEP_IDS.index(tabs.active) if tabs.active in STEP_IDS else 0
        self.action_go(STEP_IDS[(index + offset) % len(STEP_IDS)])

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.query_one(TabbedContent).active, *self._focused_keys()))

    def _focused_keys(self) -> tuple[list[tuple[str, str]], str, frozenset[str]]:
        """The keys the focused widget and its containers add (not the app's own), as
        help lists them (the footer's first), what the focused widget is, and the
        keys' own names."""
        focused = self.screen.focused
        if focused is None:
            return [], "", frozenset()
        keys: dict[str, tuple[bool, str]] = {}
        raw: set[str] = set()
        for key, (node, binding, _enabled, _tooltip) in self.screen.active_bindings.items():
            if node is self or node is self.screen or not binding.description:
                continue
            raw.add(key)
            keys.setdefault(binding.description, (binding.show, self.get_key_display(binding)))
        ordered = sorted(keys.items(), key=lambda item: not item[1][0])
        name = (focused.id or type(focused).__name__).replace("-", " ")
        return [(display, description) for description, (_, display) in ordered], name, frozenset(raw)

    # ------------------------------------------------------------ files

    def _save_step(self) -> SaveStep | None:
        step = self._step("save")
        return step if isinstance(step, SaveStep) else None

    def _save_target(self) -> str | None:
        return self._save_path_typed or None

    def _export_folder(self) -> Path:
        """The folder the Save step names; until it is typed in, the spec's own."""
        if self._export_dir_typed is not None:
            return Path(self._export_dir_typed).expanduser()
        return self.session.path.parent if self.session.path else Path.cwd()

    def _write(
        self,
        write: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        retry: Callable[[], None],
        question: str,
        failed: str,
        where: Path | str,
    ) -> None:
        """Run a write in a worker, then `done` with its result; on a file that exists
        or changed on disk ask before `retry` forces it, on any other failure show
        why. One write at a time: another asked for meanwhile is refused, and said so."""
        if self._writing:
            self.tell("A save or export is still being written: try again when it is done.", severity="warning")
            return
        self._writing = True
        self.run_worker(
            self._written(write, done, retry=retry, question=question, failed=failed, where=where),
            group="files",
            exit_on_error=False,
        )

    async def _written(
        self,
        write: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        retry: Callable[[], None],
        question: str,
        failed: str,
        where: Path | str,
    ) -> None:
        try:
            async with self._disk:
                result = await asyncio.to_thread(write)
        except (ConflictError, ExistsError) as error:
            title = "The file changed on disk" if isinstance(error, ConflictError) else "Overwrite?"
            self.push_screen(
                ChoiceScreen(
                    title,
                    "\n".join(error.lines) + "\n" + question,
                    [("overwrite", "Overwrite", "error"), ("cancel", "Cancel", "default")],
                ),
                lambda choice: retry() if choice == "overwrite" else None,
            )
        except RolescopeError as error:
            self.push_screen(ErrorScreen(failed, error.lines))
        except OSError as error:
            self.push_screen(ErrorScreen(failed, [f"{where}: {error.strerror or error}"]))
        else:
            done(result)
        finally:
            self._writing = False

    def action_save(self, force: bool = False, then: Callable[[], None] | None = None) -> None:
        """Save the spec as it is now (edits typed while it is written stay unsaved);
        `then` runs once it is saved."""
        session, spec, target = self.session, self.session.spec, self._save_target()

        def saved(path: Path) -> None:
            self.remember(path)
            step = self._save_step()
            if step is not None:
                step.saved(session)
                step.status(f"Saved {display_path(path)}")
            self.tell(f"Saved {display_path(path)}")
            self._want_draft()  # typed while it was written: kept as a draft again
            self.show_all()
            if then is not None:
                then()

        self._write(
            lambda: session.save(target, force=force, spec=spec),
            saved,
            retry=lambda: self.action_save(force=True, then=then),
            question="Replace it with what is on screen?",
            failed="Not saved",
            where=target or session.suggested_path(),
        )

    def action_export(self, force: bool = False) -> None:
        session, folder = self.session, self._export_folder()
        # Planned here, from the spec on screen; only the writing waits for the disk.
        plan = session.export_targets(folder) if session.recommendation is not None and not session.problems() else None

        def exported(written: list[RolePlan]) -> None:
            if len(written) > 1:
                said = "Exported the two roles: " + " and ".join(display_path(role.jd_path) for role in written)
            else:
                said = f"Exported {display_path(written[0].jd_path)} with its spec and interview kit"
            step = self._save_step()
            if step is not None:
                step.status(said)
            self.tell(said)
            self.show_all()

        self._write(
            lambda: session.export(folder, force=force, plan=plan),
            exported,
            retry=lambda: self.action_export(force=True),
            question="Replace them with this export?",
            failed="Not exported",
            where=folder,
        )

    def action_save_split(self, force: bool = False) -> None:
        session, folder = self.session, self._export_folder()
        session.recommendation  # decided here, not in the worker  # noqa: B018

        def saved(paths: list[Path]) -> None:
            if paths:
                self.tell("Saved " + " and ".join(path.name for path in paths))

        self._write(
            lambda: session.save_split(folder, force=force),
            saved,
            retry=lambda: self.action_save_split(force=True),
            question="Replace them with the two roles?",
            failed="The two roles were not saved",
            where=folder,
        )

    def _when_clean(self, then) -> None:
        """Run `then` now, or after the lead decides what to do with unsaved changes."""
        if not self.session.dirty:
            then()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save(then=lambda: None if self.session.dirty else then())
            elif choice == "discard":
                self.session.discard_draft()
                then()

        self.push_screen(
            ChoiceScreen(
                "Unsaved changes",
                "This role has changes that are not saved.",
                [("save", "Save", "primary"), ("discard", "Discard them", "error"), ("cancel", "Cancel", "default")],
            ),
            answer,
        )

    def action_open(self) -> None:
        def opened(value: str | None) -> None:
            if not value:
                return
            from rolescope.importer import import_posting_file, is_posting_path

            path = Path(value).expanduser()
            if is_posting_path(path.name) and path.is_file():
                try:
                    draft = import_posting_file(path, self.catalog).spec
                except RolescopeError as error:
                    self.push_screen(ErrorScreen(f"{path} could not be imported", error.lines))
                    return
                # A new, unsaved role drafted from the posting, opened on its tasks.
                self._when_clean(lambda: self._switch(Session(self.catalog), draft, step="work"))
                return
            try:
                session = Session.open(path, self.catalog)
            except SpecError as error:
                self.push_screen(ErrorScreen(f"{path} could not be opened", error.lines))
                return
            self.remember(path)
            self._when_clean(lambda: self._switch(session))

        self.push_screen(OpenScreen(self.config.recent), opened)

    def action_new_from_preset(self) -> None:
        def picked(name: str | None) -> None:
            if name is None:
                return
            if name == BLANK_ROLE:
                self._when_clean(lambda: self._switch(Session(self.catalog)))
                return
            try:
                spec = read_spec(self.catalog.roles[name])
            except SpecError as error:
                self.push_screen(ErrorScreen(f"The preset {name} could not be read", error.lines))
                return
            # Made only once the current role is saved or discarded: until then, the new
            # role writes no draft of its own.
            self._when_clean(lambda: self._switch(Session(self.catalog), spec))

        self.push_screen(PresetScreen(self.catalog), picked)

    def _switch(self, session: Session, spec: RoleSpec | None = None, step: str | None = None) -> None:
        self.session.close()
        self.session = self._own(session)
        self._save_path_typed = self._export_dir_typed = None
        if spec is not None:
            session.update(spec)
            self._want_draft()
        self.load_all()
        self.action_go(step or self.first_step(from_preset=spec is not None))

    def exit(self, result: int | None = None, return_code: int = 0, message: Any | None = None) -> None:
        self._leaving = True  # the wizard is ending: no step is built and no draft written after this
        super().exit(result, return_code, message)

    async def action_quit(self) -> None:
        def leave() -> None:
            # No draft is written after this: the one left is thrown away, then the wizard ends.
            self._leaving = True
            self.run_worker(self._leave(), group="files")

        self._when_clean(leave)

    async def _leave(self) -> None:
        async with self._disk:
            await asyncio.to_thread(self.session.discard_draft)
        self.exit(0)

    # Actions the main screen offers; while a dialog asks something they wait.
    _MAIN_SCREEN_ACTIONS = {"go", "step", "save", "export", "open", "new_from_preset", "help", "save_split"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in self._MAIN_SCREEN_ACTIONS and self.screen is not self.screen_stack[0])

    # ------------------------------------------------------------ palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("File: Save", "Save the spec (Ctrl+S)", self.action_save)
        yield SystemCommand("File: Export", "Write the spec and the job description (Ctrl+E)", self.action_export)
        yield SystemCommand("File: Open…", "Open a spec file (Ctrl+O)", self.action_open)
        yield SystemCommand("File: New from example…", "Start from a preset role (Ctrl+N)", self.action_new_from_preset)
        recommendation = self.session.recommendation
        if recommendation is not None and recommendation.split:
            yield SystemCommand("File: Save the two roles", "Write the split's two specs", self.action_save_split)
        for step_id, label, _ in STEPS:
            yield SystemCommand(f"Go to: {label[2:]}", f"Step {label[0]}", lambda s=step_id: self.action_go(s))
        yield SystemCommand("Edit: Undo", "Undo the last edit, in any step (Ctrl+Z)", self.action_undo)
        yield SystemCommand("Edit: Redo", "Redo what was undone (Ctrl+Y)", self.action_redo)
