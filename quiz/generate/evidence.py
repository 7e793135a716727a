"""Evidence quotes that resolve to exactly one place in the article.

The loader matches a quote against the whitespace-normalised article and
needs it to occur once; a repeated sentence gets the words just before it as
its ``prefix`` (or, at the very start, the words after it as ``suffix``).
"""

from __future__ import annotations

from quiz.bank.article import Article, QuoteIndex, normalise_ws
from quiz.bank.model import Evidence


class Quoter:
    def __init__(self, article: Article) -> None:
        self.article = article
        # the same whitespace folding the loader uses, with a map back to offsets
        self.index = QuoteIndex(article)
        self.norm = self.index.norm

    def evidence(self, start: int, end: int) -> Evidence:
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        quote = normalise_ws(text[start:end])
        at = self.index.norm_at(start)
        hits = self.index.find_all(quote)
        if len(hits) <= 1 or at < 0:
            return Evidence(quote=quote)
        before = self.norm[:at].rstrip()
        words = before.split(" ")
        for n in range(1, min(len(words), 12) + 1):
            prefix = " ".join(words[-n:])
            if sum(1 for h in hits if self.norm[:h].rstrip().endswith(prefix)) == 1:
                return Evidence(quote=quote, prefix=prefix)
        after = self.norm[at + len(quote):].lstrip().split(" ")
        for n in range(1, min(len(after), 12) + 1):
            suffix = " ".join(after[:n])
            if sum(1 for h in hits
                   if self.norm[h + len(quote):].lstrip().startswith(suffix)) == 1:
                return Evidence(quote=quote, suffix=suffix)
        return Evidence(quote=quote)  # the loader will say so; should not happen
