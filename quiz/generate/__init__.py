"""Draft questions from an article, by rule: overgenerate, filter, rank.

Kept empty on purpose: the command line imports ``quiz.cli.generate`` at every
start, so nothing heavy may load from here.
"""
