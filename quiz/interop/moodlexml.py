"""Moodle XML: ``<quiz>`` of ``<question type="...">``, read with a parser that refuses DTDs.

A DTD is what entity bombs ("billion laughs") and external entities need, and
no Moodle export has one, so any DOCTYPE is refused before anything is
expanded. Question text is HTML in Moodle; it is reduced to plain words here.
"""

from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from quiz.bank.model import Question
from quiz.interop.model import (
    Exported,
    Imported,
    ImportFailed,
    ImportResult,
    Loss,
    Skipped,
    choice_question,
)
from quiz.interop.text import compose_feedback, html_to_text, slugify, split_feedback, tidy

_NOT_QUIZ_TYPES = {
    "essay": "essay", "description": "description", "matching": "matching",
    "cloze": "cloze (embedded answers)", "multianswer": "cloze (embedded answers)",
    "calculated": "calculated", "calculatedsimple": "calculated",
    "calculatedmulti": "calculated", "ddwtos": "drag and drop", "ddimageortext":
    "drag and drop", "ddmarker": "drag and drop", "gapselect": "select missing words",
    "randomsamatch": "random matching", "random": "random",
}
# Characters XML 1.0 cannot carry at all.
_NOT_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Lines(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: object = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        el = super().start(tag, attrs)
        self.lines[id(el)] = getattr(self.expat, "CurrentLineNumber", 0)
        return el


def _parse(raw: bytes, path: str) -> tuple[ET.Element, dict[int, int]]:
    builder = _Lines()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    builder.expat = parser.parser
    try:
        parser.feed(raw)
        root = parser.close()
    except DefusedXmlException as exc:
        line = getattr(parser.parser, "CurrentLineNumber", 1)
        raise ImportFailed(path, line, 1, "the file declares a DTD or entities "
                           f"({type(exc).__name__}); Moodle exports have none, and they are "
                           "refused because they can expand without end or read other "
                           "files") from None
    except ET.ParseError as exc:
        line, col = exc.position
        reason = str(exc).split(":", 1)[0]
        raise ImportFailed(path, line, col + 1, f"not well-formed XML ({reason})") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ImportFailed(path, 1, 1, f"the XML cannot be read ({type(exc).__name__})") \
            from None
    return root, builder.lines


def _text_of(el: ET.Element | None, plain: bool = False) -> str:
    """The words of ``<x format="..."><text>...</text></x>`` (or of ``<text>`` itself)."""
    if el is None:
        return ""
    t = el if el.tag == "text" else el.find("text")
    raw = "" if t is None else "".join(t.itertext())
    fmt = el.get("format", "html")
    if plain or fmt in ("plain_text", "markdown"):
        return tidy(raw)
    return html_to_text(raw)


def _inner(el: ET.Element, path: str) -> str:
    found = el.find(path)
    return "" if found is None else "".join(found.itertext())


def _fraction(el: ET.Element) -> float:
    try:
        value = float(el.get("fraction", "0"))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def read_moodle_xml(raw: bytes, path: str = "") -> ImportResult:
    root, lines = _parse(raw, path)
    if root.tag != "quiz":
        raise ImportFailed(path, lines.get(id(root), 1), 1, f"the root element is <{root.tag}>,"
                           " not <quiz>; this is not a Moodle XML question file")
    result = ImportResult()
    category: list[str] = []
    for el in root:
        if el.tag != "question":
            continue
        line = lines.get(id(el), 0)
        qtype = el.get("type", "")
        if qtype == "category":
            name = _inner(el, "category/text").strip()
            category = [slugify(name.rstrip("/").rsplit("/", 1)[-1])] if name else []
            category = [c for c in category if c]
            continue
        if qtype in _NOT_QUIZ_TYPES:
            result.skipped.append(Skipped(line, _NOT_QUIZ_TYPES[qtype],
                                          "quiz has no question of this kind"))
            continue
        try:
            q = _question(el, qtype, line, result)
        except ValueError as exc:
            result.skipped.append(Skipped(line, "malformed", str(exc)))
            continue
        if q is None:
            continue
        q.name = tidy(_inner(el, "name/text"))
        general = _text_of(el.find("generalfeedback"))
        if general:
            q.explanation = general
        q.explanation, q.evidence = split_feedback(q.explanation)
        q.hints = [h for h in (_text_of(x) for x in el.findall("hint")) if h]
        tags = [tidy("".join(t.itertext())) for t in el.findall("tags/tag/text")]
        q.tags = list(dict.fromkeys([*category, *(t for t in tags if t)]))
        result.questions.append(q)
    return result


def _answers(el: ET.Element, plain: bool) -> list[tuple[str, float, str]]:
    return [(_text_of(a, plain), _fraction(a), _text_of(a.find("feedback")))
            for a in el.findall("answer")]


def _question(el: ET.Element, qtype: str, line: int, result: ImportResult) -> Imported | None:
    prompt = _text_of(el.find("questiontext"))
    if not prompt:
        raise ValueError("the question has no text")
    if qtype == "multichoice":
        options = _answers(el, plain=False)
        if len(options) < 2 or any(not o[0] for o in options):
            raise ValueError("a multiple-choice question needs at least 2 answers with text")
        choices = [o[0] for o in options]
        if len(set(choices)) < len(choices):
            raise ValueError("the same answer is listed twice")
        single = (el.findtext("single") or "true").strip().lower() in ("true", "1")
        right = [o for o in options if o[1] >= 100 - 1e-6] if single else \
            [o for o in options if o[1] > 0]
        if not right:
            raise ValueError("no answer is marked right")
        return choice_question(prompt, choices, right, single, line)
    if qtype == "truefalse":
        for text, fraction, feedback in _answers(el, plain=True):
            if fraction >= 100 - 1e-6 and text.lower() in ("true", "false"):
                return Imported("truefalse", prompt, text.lower() == "true", line,
                                explanation=feedback)
        raise ValueError("neither `true` nor `false` is marked right")
    if qtype == "shortanswer":
        right = [o for o in _answers(el, plain=True) if o[1] >= 100 - 1e-6 and o[0]]
        if not right:
            raise ValueError("no answer is worth 100%")
        accept = list(dict.fromkeys(o[0] for o in right[1:] if o[0] != right[0][0]))
        return Imported("text", prompt, right[0][0], line, accept=accept,
                        explanation=next((o[2] for o in right if o[2]), ""))
    if qtype == "numerical":
        for a in el.findall("answer"):
            text = tidy(_inner(a, "text"))
            if _fraction(a) < 100 - 1e-6 or text in ("", "*"):
                continue
            try:
                value, tol = float(text), abs(float(a.findtext("tolerance") or 0))
            except ValueError:
                raise ValueError(f"`{text}` is not a number") from None
            if not (math.isfinite(value) and math.isfinite(tol)):
                raise ValueError(f"`{text}` is not a finite number")
            unit = next((tidy(u.findtext("unit_name") or "") for u in el.findall("units/unit")
                         if (u.findtext("multiplier") or "1").strip() in ("1", "1.0")), None)
            answer: int | float = int(value) if value.is_integer() and abs(value) < 2**53 \
                else value
            return Imported("number", prompt, answer, line, tolerance=tol, unit=unit or None,
                            explanation=_text_of(a.find("feedback")))
        raise ValueError("no number is worth 100%")
    if qtype == "ordering":
        # The ordering type stores each item's place in `fraction` (1, 2, ...).
        items = [o[0] for o in sorted(_answers(el, plain=False), key=lambda o: o[1])]
        if len(items) < 2 or any(not i for i in items) or len(set(items)) < len(items):
            raise ValueError("an ordering question needs at least 2 different items")
        return Imported("order", prompt, items, line)
    result.skipped.append(Skipped(line, f"unknown type `{qtype[:40]}`",
                                  "not a Moodle question type quiz knows"))
    return None


# --------------------------------------------------------------------------- writing


def _xml(text: str) -> str:
    return html.escape(_NOT_XML_RE.sub("", text), quote=True)


def _html_text(text: str) -> str:
    """``<text><![CDATA[...]]></text>`` holding plain ``text`` written as HTML."""
    body = html.escape(_NOT_XML_RE.sub("", text), quote=False).replace("\n", "<br>\n")
    # html.escape turned every ">" into "&gt;", so "]]>" cannot end the CDATA early.
    return f"<text><![CDATA[{body}]]></text>"


def _html_block(tag: str, text: str) -> str:
    return f'<{tag} format="html">{_html_text(text)}</{tag}>'


def _plain_answer(text: str, fraction: float, extra: str = "") -> str:
    return (f'    <answer fraction="{_pct(fraction)}" format="moodle_auto_format">'
            f"<text>{_xml(text)}</text>{extra}</answer>")


def _pct(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def write_moodle_xml(questions: list[Question]) -> Exported:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    losses: list[Loss] = []
    for q in questions:
        if q.difficulty != 2:
            losses.append(Loss("difficulty", q.id))
        if q.type == "number" and q.accept:
            losses.append(Loss("accepted forms of numbers", q.id))
        qtype = {"choice": "multichoice", "multi": "multichoice", "truefalse": "truefalse",
                 "text": "shortanswer", "number": "numerical", "order": "ordering"}[q.type]
        body = [f'  <question type="{qtype}">',
                f"    <name><text>{_xml(q.id)}</text></name>",
                "    " + _html_block("questiontext", q.prompt)]
        feedback = compose_feedback(q.explanation, [e.quote for e in q.evidence])
        body.append("    " + _html_block("generalfeedback", feedback))
        body += ["    <defaultgrade>1</defaultgrade>", "    <penalty>0.3333333</penalty>",
                 "    <hidden>0</hidden>", f"    <idnumber>{_xml(q.id)}</idnumber>"]
        if q.type in ("choice", "multi"):
            right = q.answer if isinstance(q.answer, list) else [q.answer]
            single = q.type == "choice"
            body += [f"    <single>{'true' if single else 'false'}</single>",
                     "    <shuffleanswers>true</shuffleanswers>",
                     "    <answernumbering>abc</answernumbering>"]
            share = 100 / len(right) if right else 100
            for c in q.choices:
                fraction = (100 if single else share) if c in right else (
                    0 if single else -share)
                body.append(f'    <answer fraction="{_pct(fraction)}" format="html">'
                            f"{_html_text(c)}</answer>")
        elif q.type == "truefalse":
            body += [_plain_answer("true", 100 if q.answer is True else 0),
                     _plain_answer("false", 0 if q.answer is True else 100)]
        elif q.type == "text":
            body.append("    <usecase>0</usecase>")
            body += [_plain_answer(a, 100) for a in dict.fromkeys([str(q.answer), *q.accept])]
        elif q.type == "number":
            assert isinstance(q.answer, int | float)
            body.append(_plain_answer(repr(q.answer), 100,
                                      f"<tolerance>{q.tolerance!r}</tolerance>"))
            if q.unit:
                body += ["    <units><unit><multiplier>1</multiplier>"
                         f"<unit_name>{_xml(q.unit)}</unit_name></unit></units>",
                         "    <unitgradingtype>0</unitgradingtype>",
                         "    <unitpenalty>0.1000000</unitpenalty>",
                         "    <showunits>3</showunits>", "    <unitsleft>0</unitsleft>"]
        elif q.type == "order":
            body += ["    <layouttype>VERTICAL</layouttype>", "    <selecttype>ALL</selecttype>",
                     "    <selectcount>0</selectcount>",
                     "    <gradingtype>ABSOLUTE_POSITION</gradingtype>",
                     "    <showgrading>SHOW</showgrading>",
                     "    <numberingstyle>none</numberingstyle>"]
            body += [f'    <answer fraction="{i}" format="html">{_html_text(item)}</answer>'
                     for i, item in enumerate(q.items, 1)]
        body += ["    " + _html_block("hint", h) for h in q.hints]
        if q.tags:
            body.append("    <tags>" + "".join(f"<tag><text>{_xml(t)}</text></tag>"
                                               for t in q.tags) + "</tags>")
        body.append("  </question>")
        out += body
    out.append("</quiz>\n")
    return Exported("\n".join(out).encode("utf-8"), len(questions), losses)
