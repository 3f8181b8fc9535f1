"""Level-1/level-2 names as people write them, resolved to the profile's categories.

``产出⏎指标``, ``产出`` and ``产出指标`` are the same group; ``数量`` is 数量指标; a level-2 name
alone tells its level-1 group when only one group has it; a category of another framework
(MOF-2021's level-1 ``成本指标``) is mapped through the profile's ``category_aliases``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.documents.formread.labels import FormLabels, normalise_label
from desktop.domain.profile import Profile


@dataclass(frozen=True)
class Resolved:
    level1: str
    level2: str
    #: A note for the user when the names were not the profile's own (empty otherwise).
    note: str = ""


class LevelError(ValueError):
    """The names fit no category; ``str()`` is the Chinese reason."""


class LevelResolver:
    def __init__(self, profile: Profile, labels: FormLabels) -> None:
        self.profile = profile
        self.labels = labels

    def _owners(self, level2: str) -> list[str]:
        return [l1.name for l1 in self.profile.framework if any(c.name == level2 for c in l1.children)]

    def level1_of(self, text: str) -> str | None:
        return self.labels.level1.get(normalise_label(text))

    def resolve(self, level1_text: str, level2_text: str) -> Resolved:
        """The category for the two texts; raises :class:`LevelError`."""
        n1, n2 = normalise_label(level1_text), normalise_label(level2_text)
        written = f"“{level1_text.strip()}/{level2_text.strip()}”"
        level1 = self.labels.level1.get(n1)
        alias = self._alias(n1, n2, level1)
        if alias is not None:
            return Resolved(*alias, note=f"{written}按“{alias[0]}/{alias[1]}”导入")
        candidates = self.labels.level2.get(n2, ())
        if level1 is not None:
            for name in candidates:
                if self.profile.level2(level1, name) is not None:
                    return Resolved(level1, name)
        owners = [(owner, name) for name in candidates for owner in self._owners(name)]
        if len(owners) == 1 and not n1:  # only the level-2 column is filled: it tells its group
            return Resolved(*owners[0])
        known = "、".join(l1.name for l1 in self.profile.framework)
        if not n1 and not n2:
            raise LevelError("一级指标和二级指标都为空")
        if level1 is None and n1:
            raise LevelError(f"一级指标“{level1_text.strip()}”不属于指标体系 {self.profile.id}（应为：{known}）")
        if not n2:
            raise LevelError("二级指标为空")
        group = f"一级指标“{level1}”" if level1 else "任何一级指标"
        raise LevelError(f"二级指标“{level2_text.strip()}”不属于{group}")

    def _alias(self, n1: str, n2: str, level1: str | None) -> tuple[str, str] | None:
        keys = [(n1, n2)]
        if level1 is not None:
            keys.append((normalise_label(level1), n2))
            for name in self.labels.level2.get(n2, ()):
                keys.append((normalise_label(level1), normalise_label(name)))
        for key in keys:
            target = self.labels.category_aliases.get(key)
            if target is not None and self.profile.level2(*target) is not None:
                if self.profile.level2(level1 or "", self._exact(n2)) is not None:
                    return None  # the profile has the category itself
                return target
        return None

    def _exact(self, n2: str) -> str:
        names = self.labels.level2.get(n2, ())
        return names[0] if names else ""
