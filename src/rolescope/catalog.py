"""The presets: rolescope's domain knowledge, read from TOML data.

Folders are read in order: the presets shipped inside the package, the user's
folder (`$ROLESCOPE_PRESETS`, else `$XDG_CONFIG_HOME/rolescope/presets`, else
`~/.config/rolescope/presets`), then any `--presets DIR`. A later folder extends
an earlier one: tables merge key by key, arrays of tables (titles) append, other
values replace; so does a plan, whose order is its meaning (an archetype's interview
loop). Example roles are `roles/NAME.toml` spec files; a later folder's
role of the same name wins.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolescope.errors import SpecError
from rolescope.markdown import one_line
from rolescope.textmatch import Lexicon

BUILTIN_DIR = Path(__file__).parent / "presets"
# The preset models are named here too, for annotations elsewhere (see presetmodels).
__all__ = [
    "BUILTIN_DIR", "DATA_FILES", "ArchetypeInfo", "Catalog", "Domain", "FailureInfo", "ImportSettings",
    "InterviewCatalog", "JdSettings", "KitKind", "KitLabels", "Level", "LintCatalog", "LintCatalogRecord", "LintRule",
    "Record", "StageInfo", "Thresholds", "TitleRule", "TitleSettings", "Vocabulary", "VocabularyRecord", "lexicon_of",
    "load_catalog", "merge", "preset_folders", "user_presets_dir",
]  # fmt: skip
DATA_FILES = ("archetypes", "stages", "recommend", "vocabulary", "titles", "jd", "lint", "import", "interview")
# Arrays of tables that are one plan each: a later folder's replaces the earlier one
# whole, as appending stages to a loop would make a loop nobody wrote ("*": any key).
WHOLE_PLANS: dict[str, tuple[tuple[str, ...], ...]] = {"interview": (("loops", "*"),)}


class Record:
    """A validated preset table, read-only: the fields of its model in presetmodels
    as attributes (nested tables are records too), and `model_dump()` as a dict.
    Plain objects, so that presets kept in the user's cache load without defining
    the validation models."""

    def __init__(self, fields: dict[str, Any]):
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"preset data is read-only (setting {name!r})")

    def _fields(self) -> dict[str, Any]:
        # What is built from the fields (a "_" name, such as a vocabulary's lexicon) is not one of them.
        return {name: value for name, value in self.__dict__.items() if not name.startswith("_")}

    def __eq__(self, other: object) -> bool:  # defining it leaves records unhashable, as dicts are
        return type(other) is type(self) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._fields()!r})"

    def model_dump(self) -> dict[str, Any]:
        return {name: _dumped(value) for name, value in self._fields().items()}


class VocabularyRecord(Record):
    @property
    def lexicon(self) -> Lexicon:
        """Built once, on first use, and kept with the record (in the presets cache too)."""
        built: Lexicon | None = self.__dict__.get("_lexicon")
        if built is None:
            built = self.__dict__["_lexicon"] = lexicon_of(self)
        return built


class LintCatalogRecord(Record):
    @property
    def enabled(self) -> dict[str, Any]:
        disabled = self.__dict__["settings"].disable
        return {key: rule for key, rule in self.__dict__["rules"].items() if key not in disabled}


# The record kind for a model whose record has more than fields (by model name).
_RECORDS: dict[str, type[Record]] = {"Vocabulary": VocabularyRecord, "LintCatalog": LintCatalogRecord}

if TYPE_CHECKING:  # the models are defined only to build the presets (see presetmodels)
    from pydantic import BaseModel

    from rolescope.classify import Classifier
    from rolescope.matchers import TaskMatchers
    from rolescope.presetmodels import (
        ArchetypeInfo,
        Domain,
        FailureInfo,
        ImportSettings,
        InterviewCatalog,
        JdSettings,
        KitKind,
        KitLabels,
        Level,
        LintCatalog,
        LintRule,
        StageInfo,
        Thresholds,
        TitleRule,
        TitleSettings,
        Vocabulary,
    )
else:  # at run time a catalog holds records; these names serve annotations elsewhere
    ArchetypeInfo = Domain = FailureInfo = ImportSettings = InterviewCatalog = JdSettings = Level = LintRule = (
        StageInfo
    ) = Record
    KitKind = KitLabels = Thresholds = TitleRule = TitleSettings = Record
    Vocabulary, LintCatalog = VocabularyRecord, LintCatalogRecord


def _dumped(value: Any) -> Any:
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    if isinstance(value, dict):
        return {key: _dumped(item) for key, item in value.items()}
    return value


def _record(value: Any) -> Any:
    """A validated preset model as records, all the way down (a spec model inside
    it, such as an interview loop's stage, stays the spec's own model)."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel) and type(value).__module__ == "rolescope.presetmodels":
        kind = _RECORDS.get(type(value).__name__, Record)
        return kind({name: _record(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [_record(item) for item in value]
    if isinstance(value, dict):
        return {key: _record(item) for key, item in value.items()}
    return value


def lexicon_of(vocabulary: Any) -> Lexicon:
    """The words a vocabulary reads specially: abbreviations and hyphenated parts."""
    return Lexicon.build(
        vocabulary.abbreviations, vocabulary.hyphenated.free_prefixes, vocabulary.hyphenated.free_suffixes
    )


@dataclass(frozen=True)
class Catalog:
    """The presets, validated and cross-checked, and the engine compiled from them:
    the classifier and the recommender's matchers are built once per catalog, on
    first use, and kept with it (in the presets cache too). Every command, the
    session and the wizard get one from `load_catalog` and pass it in."""

    archetypes: dict[str, ArchetypeInfo]
    failures: dict[str, FailureInfo]
    stages: dict[str, StageInfo]
    thresholds: Thresholds
    vocabulary: Vocabulary
    titles: list[TitleRule]
    title_settings: TitleSettings
    jd: JdSettings
    lint: LintCatalog
    importing: ImportSettings
    interview: InterviewCatalog
    domains: list[Domain] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    remedies: dict[str, str] = field(default_factory=dict)  # archetype -> what to do when it stays open
    roles: dict[str, Path] = field(default_factory=dict)
    folders: tuple[Path, ...] = ()

    @cached_property
    def classifier(self) -> Classifier:
        from rolescope.classify import Classifier

        return Classifier(self.vocabulary)

    @cached_property
    def matchers(self) -> TaskMatchers:
        from rolescope.matchers import TaskMatchers

        return TaskMatchers(self)


def user_presets_dir() -> Path | None:
    """The per-user presets folder; None when there is no home folder to find it in
    (no HOME and no password entry), which only means there are no user presets."""
    explicit = os.environ.get("ROLESCOPE_PRESETS")
    try:
        if explicit:
            return Path(explicit).expanduser()
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    except RuntimeError:
        return None
    return Path(base) / "rolescope" / "presets"


def preset_folders(extra: tuple[str | Path, ...] = ()) -> tuple[Path, ...]:
    folders = [BUILTIN_DIR]
    user = user_presets_dir()
    if user is not None and user.is_dir():
        folders.append(user)
    for folder in extra:
        try:
            path = Path(folder).expanduser()
        except RuntimeError:  # "~/x" with no home folder known
            path = Path(folder)
        if not path.is_dir():
            raise SpecError(f"{path}: presets folder not found")
        folders.append(path)
    return tuple(folders)


def merge(base: Any, extra: Any, whole: tuple[tuple[str, ...], ...] = ()) -> Any:
    """Tables merge by key, arrays of tables append, anything else is replaced, as is
    the value at any key path in `whole` ("*" matches any key)."""
    if any(not path for path in whole):
        return extra
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            inner = tuple(path[1:] for path in whole if path[0] in (key, "*"))
            merged[key] = merge(base[key], value, inner) if key in base else value
        return merged
    if (
        isinstance(base, list)
        and isinstance(extra, list)
        and all(isinstance(item, dict) for item in base + extra)
        and base
    ):
        return base + extra
    return extra


def load_catalog(extra: tuple[str | Path, ...] = ()) -> Catalog:
    return _load(preset_folders(tuple(extra)))


@lru_cache(maxsize=8)
def _load(folders: tuple[Path, ...]) -> Catalog:
    from rolescope.presetcache import cached

    texts: dict[Path, str] = {}
    roles: dict[str, Path] = {}
    for folder in folders:
        for name in DATA_FILES:
            path = folder / f"{name}.toml"
            if path.exists():
                texts[path] = _read_text(path)
        roles_dir = folder / "roles"
        if roles_dir.is_dir():
            for path in sorted(roles_dir.glob("*.toml")):
                roles[path.stem] = path
    # Built once from these very files (and role names), then kept in the user's cache.
    contents = (tuple((str(path), text) for path, text in texts.items()), tuple(map(str, roles.values())))
    catalog, _ = cached(folders, contents, lambda: _compiled(_build(folders, texts, roles)))
    return catalog


def _compiled(catalog: Catalog) -> Catalog:
    """The catalog with its engine compiled, to keep in the cache together."""
    _ = catalog.classifier, catalog.matchers
    return catalog


def _build(folders: tuple[Path, ...], texts: dict[Path, str], roles: dict[str, Path]) -> Catalog:
    """The catalog from the preset files' texts (in folder order), validated."""
    from pydantic import ValidationError

    from rolescope.presetcheck import check_catalog
    from rolescope.presetmodels import (
        ArchetypeInfo,
        Domain,
        FailureInfo,
        ImportSettings,
        InterviewCatalog,
        JdSettings,
        Level,
        LintCatalog,
        StageInfo,
        Thresholds,
        TitleRule,
        TitleSettings,
        Vocabulary,
    )

    merged: dict[str, dict[str, Any]] = {name: {} for name in DATA_FILES}
    sources: dict[str, Path] = {}
    for path, text in texts.items():
        merged[path.stem] = merge(merged[path.stem], _parse(path, text), WHOLE_PLANS.get(path.stem, ()))
        sources[path.stem] = path

    def build(name: str, model: type[BaseModel], data: Any, *within: str | int) -> Any:
        try:
            return _record(model.model_validate(data))
        except ValidationError as error:
            where = sources.get(name, Path(f"{name}.toml"))
            raise SpecError(
                [
                    one_line(f"{where}: {'.'.join(map(str, (*within, *e['loc']))) or '(top)'}: {e['msg']}")
                    for e in error.errors()
                ]
            ) from None

    def table(name: str, key: str) -> dict[str, Any]:
        value = merged[name].get(key, {})
        if not isinstance(value, dict):
            where = sources.get(name, Path(f"{name}.toml"))
            raise SpecError(one_line(f"{where}: {key}: must be a table of entries (got {type(value).__name__})"))
        return value

    archetypes = {
        key: build("archetypes", ArchetypeInfo, value, "archetypes", key)
        for key, value in table("archetypes", "archetypes").items()
    }
    failures = {
        key: build("archetypes", FailureInfo, value, "failures", key)
        for key, value in table("archetypes", "failures").items()
    }
    stages = {key: build("stages", StageInfo, value, "stages", key) for key, value in table("stages", "stages").items()}
    titles_data = merged["titles"].get("titles", [])
    if not isinstance(titles_data, list):
        raise SpecError(one_line(f"{sources.get('titles', 'titles.toml')}: titles: must be [[titles]] entries"))
    titles = [build("titles", TitleRule, value, "titles", index) for index, value in enumerate(titles_data)]

    def entries(name: str, key: str, model: type[BaseModel]) -> list[Any]:
        data = merged[name].get(key, [])
        if not isinstance(data, list):
            raise SpecError(one_line(f"{sources.get(name, name + '.toml')}: {key}: must be [[{key}]] entries"))
        return [build(name, model, value, key, index) for index, value in enumerate(data)]

    remedies = table("stages", "remedies")
    if not all(isinstance(value, str) for value in remedies.values()):
        raise SpecError(one_line(f"{sources.get('stages', 'stages.toml')}: remedies: each must be a sentence"))
    catalog = Catalog(
        archetypes=archetypes,
        failures=failures,
        stages=stages,
        thresholds=build("recommend", Thresholds, merged["recommend"]),
        vocabulary=build("vocabulary", Vocabulary, merged["vocabulary"]),
        titles=titles,
        title_settings=build("titles", TitleSettings, merged["titles"].get("settings", {})),
        jd=build("jd", JdSettings, merged["jd"]),
        lint=build("lint", LintCatalog, merged["lint"]),
        importing=build("import", ImportSettings, merged["import"]),
        interview=build("interview", InterviewCatalog, merged["interview"]),
        domains=entries("titles", "domains", Domain),
        levels=entries("titles", "levels", Level),
        remedies=dict(remedies),
        roles=roles,
        folders=folders,
    )
    check_catalog(catalog, sources)
    return catalog


def _read_text(path: Path) -> str:
    from rolescope.textfiles import read_text_file  # the one careful reader: kind, size, encoding

    return read_text_file(path, what="preset")


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecError(one_line(f"{path}: malformed TOML: {error}")) from None
    except RecursionError:
        raise SpecError(one_line(f"{path}: malformed TOML: arrays or tables nested too deeply")) from None
