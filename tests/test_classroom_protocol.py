"""The wire format and the nickname rules: what a student's client may send."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.classroom import protocol
from quiz.classroom.names import MAX_NAME, NameError_, check_name, name_key, offensive
from quiz.classroom.protocol import ProtocolError, parse


def test_hello_with_name_and_with_token() -> None:
    m = parse(json.dumps({"type": "hello", "v": 1, "code": "123456", "name": "Ana"}))
    assert (m.type, m.v, m.code, m.name, m.token) == ("hello", 1, "123456", "Ana", None)
    m = parse(json.dumps({"type": "hello", "v": 1, "code": "123456", "token": "abc"}))
    assert m.token == "abc" and m.name is None


@pytest.mark.parametrize("frame, code, words", [
    ("not json", "bad_message", "JSON"),
    ("[1, 2]", "bad_message", "object"),
    ('{"type": "dance"}', "bad_message", "unknown message type"),
    ('{"type": "answer", "q": 0}', "bad_message", "'value' is missing"),
    ('{"type": "answer", "q": 0, "value": 1, "x": 2}', "bad_message", "unknown field 'x'"),
    ('{"type": "answer", "q": true, "value": "a"}', "bad_message", "whole number"),
    ('{"type": "answer", "q": -1, "value": "a"}', "bad_message", "whole number"),
    ('{"type": "answer", "q": 0, "value": {"a": 1}}', "bad_message", "must be a string"),
    ('{"type": "answer", "q": 0, "value": 3.5}', "bad_message", "must be a string"),
    ('{"type": "answer", "q": 0, "value": [1, 2]}', "bad_message", "list answer"),
    ('{"type": "hello", "v": 1, "code": "123456"}', "bad_message", "name or a token"),
    ('{"type": "hello", "v": 1, "code": "1", "name": "a", "token": "b"}', "bad_message",
     "one of them"),
    ('{"type": "hello", "v": "1", "code": "123456", "name": "a"}', "bad_message",
     "whole number"),
])
def test_bad_frames_are_refused_with_a_reason(frame: str, code: str, words: str) -> None:
    with pytest.raises(ProtocolError) as err:
        parse(frame)
    assert err.value.code == code and words in err.value.message


def test_size_limits() -> None:
    big = json.dumps({"type": "answer", "q": 0, "value": "x" * protocol.MAX_FRAME})
    with pytest.raises(ProtocolError) as err:
        parse(big)
    assert err.value.code == "too_big"
    long_answer = json.dumps({"type": "answer", "q": 0, "value": "x" * 501})
    with pytest.raises(ProtocolError, match="at most 500"):
        parse(long_answer)
    with pytest.raises(ProtocolError, match="text frames"):
        parse(b'{"type": "ping"}')


def test_deep_nesting_is_refused_not_crashed() -> None:
    with pytest.raises(ProtocolError):
        parse("[" * 100_000 + "]" * 100_000)


@given(st.text(max_size=300))
def test_parse_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(ProtocolError):
        parse(text)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c,
                                                                         max_size=4),
                    max_leaves=20))
def test_any_json_value_as_answer_is_parsed_or_refused(value: object) -> None:
    frame = json.dumps({"type": "answer", "q": 0, "value": value})
    try:
        m = parse(frame)
    except ProtocolError:
        return
    assert isinstance(m.value, (str, bool, list))


def test_encode_is_compact_json() -> None:
    text = protocol.encode("ack", q=3)
    assert json.loads(text) == {"type": "ack", "q": 3} and " " not in text


# -- names ---------------------------------------------------------------------------


def test_names_are_tidied() -> None:
    assert check_name("  Ana   Lee ") == "Ana Lee"


@pytest.mark.parametrize("name, words", [
    ("", "empty"),
    ("   ", "empty"),
    ("a" * (MAX_NAME + 1), "at most 20"),
    ("Ana\x00", "control"),
    ("Ana\u202e", "control"),
    ("Ana\u200b", "control"),
    ("...", "letter or digit"),
])
def test_bad_names_say_why(name: str, words: str) -> None:
    with pytest.raises(NameError_, match=words):
        check_name(name)


def test_duplicate_names_ignore_case_accents_and_punctuation() -> None:
    taken = {name_key("Zoe"), name_key("student001")}
    for same in ("zoe", "ZOË", "Z.o.e", "z o e"):
        with pytest.raises(NameError_, match="already taken"):
            check_name(same, taken)
    for other in ("Zoe B", "Zoey", "student011", "student01"):
        assert check_name(other, taken) == other


@pytest.mark.parametrize("name", ["fuck", "FuUuCk", "sh1t", "big ass", "big asss", "Dick",
                                  "N4zi"])
def test_rude_names_are_refused(name: str) -> None:
    assert offensive(name)
    with pytest.raises(NameError_, match="not allowed"):
        check_name(name)


@pytest.mark.parametrize("name", ["Cassandra", "Dickens", "Scunthorpe", "Hancock", "Sussex",
                                  "Grape", "Passmore", "Anastasia", "Jo as Bo"])
def test_ordinary_names_that_contain_rude_letters_pass(name: str) -> None:
    assert not offensive(name)
    assert check_name(name) == name
