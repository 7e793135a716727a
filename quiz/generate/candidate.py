"""A draft question before it is filtered, ranked and written out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    rule: str  # becomes origin "generated:<rule>"
    type: str  # text | choice | multi | truefalse | number | order
    prompt: str
    answer: str | bool | int | float | list[str]
    kind: str  # what the answer is: date, year, person, place, org, money, cause, ...
    quotes: list[tuple[int, int]]  # article offsets of the evidence passages
    group: int  # the sentence (or infobox line) it comes from, for the per-sentence cap
    answer_text: str = ""  # the answer as the article writes it (hints blank it out)
    accept: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    unit: str | None = None
    tolerance: float = 0.0
    score: float = 1.0
    difficulty: int = 2
    tags: list[str] = field(default_factory=list)
    explanation: str = ""
    statement: str = ""  # the standalone sentence the prompt was made from
    # For distractors: the value behind the answer (a Span or the kind's pool key).
    span: object | None = None
    number_format: str = ""  # how the number is written ("8.0", "4,498.57", "three")
    exclude: list[str] = field(default_factory=list)  # other correct answers
    nearby: str = ""  # the sentences around it: a name there may be right as well
    # options would give the answer away ("Who led the Italian force?" among Ethiopians)
    typed_only: bool = False

    @property
    def fact_key(self) -> tuple[int, str]:
        from quiz.bank.normalize import fold

        # forms of one fact (text, choice, true/false) share it: answer_text is kept
        answer = self.answer_text or (self.answer if isinstance(self.answer, str)
                                      else str(self.answer))
        return (self.group, fold(answer))
