"""Measuring detection on a folder of ``<lang>.txt`` files (one sentence a line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from aftersail.language.detection import detect


@dataclass
class LanguageScore:
    language: str
    total: int = 0
    correct: int = 0
    confusions: dict[str, int] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class EvalReport:
    scores: list[LanguageScore]

    @property
    def total(self) -> int:
        return sum(score.total for score in self.scores)

    @property
    def correct(self) -> int:
        return sum(score.correct for score in self.scores)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def evaluate_folder(folder: Path) -> EvalReport:
    """Detects every non-empty line of every ``<lang>.txt`` in ``folder`` (raw detection,
    no fallback: the score of the model itself)."""
    scores = []
    for path in sorted(folder.glob("*.txt")):
        score = LanguageScore(path.stem.lower())
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                continue
            guess = detect(line).language or "?"
            score.total += 1
            if guess == score.language:
                score.correct += 1
            else:
                score.confusions[guess] = score.confusions.get(guess, 0) + 1
        scores.append(score)
    return EvalReport(scores)


def format_report(report: EvalReport) -> str:
    lines = [f"{'language':<10}{'sentences':>10}{'accuracy':>10}  most confused with"]
    for score in report.scores:
        worst = sorted(score.confusions.items(), key=lambda item: (-item[1], item[0]))[:3]
        confused = ", ".join(f"{code} {count}" for code, count in worst)
        lines.append(f"{score.language:<10}{score.total:>10}{score.accuracy:>10.2%}  {confused}")
    lines.append(f"{'overall':<10}{report.total:>10}{report.accuracy:>10.2%}")
    return "\n".join(lines)
