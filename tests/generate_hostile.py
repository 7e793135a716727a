"""Article bodies a careless or hostile author might feed ``quiz generate``: one huge
"sentence" of a single character, a name said thousands of times, a list of years, a run
of digits. Shared by the test (small sizes) and the benchmark (large ones)."""

from __future__ import annotations


def hostile_bodies(n: int) -> dict[str, str]:
    """Each shape at about ``n`` characters."""
    words = max(1, n // 6)
    return {
        "one letter": "A" * n,
        "dashes": "-" * n,
        "digits": "9" * n,
        "hyphenated": "Anna-" * (n // 5),
        "possessives": "Anna's " * (n // 7),
        "names in a list": ", ".join(["Anna Korvel"] * (n // 13)),
        "and": " and ".join(["Anna"] * (n // 9)),
        "years": ", ".join(str(1800 + i % 200) for i in range(n // 6)),
        "or years": " or ".join(str(1800 + i % 200) for i in range(n // 8)),
        "known for": "Anna Korvel is known for " + " ".join(["completing"] * words),
        "quotes": "\"" * n,
    }


def hostile_article(body: str) -> str:
    return (f"= Anna Korvel =\n\n- Born: 3 May 1801\n- Membership: 16,500\n\n"
            f"Anna Korvel was a Ruritanian painter. {body}.\n")
